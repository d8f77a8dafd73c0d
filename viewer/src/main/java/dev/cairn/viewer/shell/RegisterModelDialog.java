package dev.cairn.viewer.shell;

import dev.cairn.store.registry.RegistryNames;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/**
 * Register model…: asks for the model (an existing one or a new name) and the model's path in the run's artifacts,
 * and says what will happen ("version 3 of churn" or "new model churn") before OK.
 */
final class RegisterModelDialog {
    /** The user's answer. */
    record Answer(String model, String source) {
    }

    private RegisterModelDialog() {
    }

    static Dialog<Answer> create(Window owner, String runId, String runName, List<String> models) {
        ComboBox<String> name = new ComboBox<>();
        name.setId("registerModelName");
        name.setEditable(true);
        name.getItems().setAll(models);
        name.setPromptText("Model name, e.g. churn-classifier");
        name.setPrefWidth(320);
        if (!models.isEmpty()) {
            name.getEditor().setText(models.get(0));
        }
        TextField source = new TextField();
        source.setId("registerModelSource");
        source.setPromptText("runs:/" + runId + "/model");
        Label outcome = new Label();
        outcome.setId("registerModelOutcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(420);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Run"), new Label(runName == null || runName.isBlank() ? runId
                : runName + "  (" + runId + ")"));
        grid.addRow(1, new Label("Model"), name);
        grid.addRow(2, new Label("Source"), source);
        grid.add(outcome, 0, 3, 2, 1);

        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Register model");
        dialog.setHeaderText("Register a model version from this run");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String text = name.getEditor().getText() == null ? "" : name.getEditor().getText().strip();
            String problem = problem(text);
            outcome.setText(problem != null ? problem : models.contains(text)
                    ? "Adds the next version of '" + text + "' (stage None)."
                    : "Creates the model '" + text + "' with version 1 (stage None).");
            outcome.getStyleClass().setAll("label", problem != null ? "sheet-problem" : "sheet-muted");
            ok.setDisable(problem != null);
        };
        name.getEditor().textProperty().addListener((o, a, b) -> check.run());
        name.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                name.getEditor().setText(b);
            }
        });
        check.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Answer(name.getEditor().getText().strip(),
                source.getText() == null || source.getText().isBlank() ? null : source.getText().strip()) : null);
        Platform.runLater(name.getEditor()::requestFocus);
        return dialog;
    }

    private static String problem(String name) {
        if (name.isEmpty()) {
            return "Type a model name or choose one.";
        }
        try {
            RegistryNames.requireValidModelName(name);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static Optional<Answer> ask(Window owner, String runId, String runName, List<String> models) {
        return create(owner, runId, runName, models).showAndWait();
    }
}
