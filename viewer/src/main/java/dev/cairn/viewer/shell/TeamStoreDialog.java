package dev.cairn.viewer.shell;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * File → Open team store…: the form of a {@link TeamStoreViewModel} (host, port, database, user; a password field
 * only when the form asks for one). Binds and forwards; Open is enabled while the form has no problem.
 */
final class TeamStoreDialog {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    private static final String SHELL_CSS = TeamStoreDialog.class.getResource("shell.css").toExternalForm();

    private TeamStoreDialog() {
    }

    /** Shows the form (not waiting); Open hands the location to the form's opener. */
    static Dialog<ButtonType> show(Window owner, TeamStoreViewModel form) {
        Dialog<ButtonType> dialog = create(owner, form);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == OPEN) {
                form.open();
            }
        });
        dialog.show();
        return dialog;
    }

    static Dialog<ButtonType> create(Window owner, TeamStoreViewModel form) {
        TextField host = field("teamHost", "localhost", 300);
        host.textProperty().bindBidirectional(form.hostProperty());
        TextField port = field("teamPort", "5432", 70);
        port.textProperty().bindBidirectional(form.portProperty());
        TextField database = field("teamDatabase", "e.g. experiments", 240);
        database.textProperty().bindBidirectional(form.databaseProperty());
        TextField user = field("teamUser", form.defaultUser(), 240);
        user.textProperty().bindBidirectional(form.userProperty());
        PasswordField password = new PasswordField();
        password.setId("teamPassword");
        password.textProperty().bindBidirectional(form.passwordProperty());
        Label passwordLabel = new Label("Password");
        passwordLabel.setLabelFor(password);

        Label note = new Label();
        note.setId("teamPasswordNote");
        note.textProperty().bind(form.passwordNoteProperty());
        note.getStyleClass().add("sheet-muted");
        note.setWrapText(true);
        note.setMaxWidth(420);
        Label summary = new Label();
        summary.setId("teamSummary");
        summary.textProperty().bind(form.summaryProperty());
        summary.setWrapText(true);
        summary.setMaxWidth(480);
        Runnable styleSummary = () -> summary.getStyleClass().setAll("label",
                form.problemProperty().get() != null ? "sheet-problem" : "sheet-muted");
        form.problemProperty().addListener((o, a, b) -> styleSummary.run());
        styleSummary.run();

        for (Node n : new Node[] {passwordLabel, password}) {
            n.visibleProperty().bind(form.passwordNeededProperty());
            n.managedProperty().bind(n.visibleProperty());
        }

        GridPane grid = new GridPane();
        grid.setId("teamStoreForm");
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, new ColumnConstraints(), new ColumnConstraints());
        grid.add(label("Host", host), 0, 0);
        grid.add(host, 1, 0);
        grid.add(label("Port", port), 2, 0);
        grid.add(port, 3, 0);
        grid.add(label("Database", database), 0, 1);
        grid.add(database, 1, 1, 3, 1);
        grid.add(label("User", user), 0, 2);
        grid.add(user, 1, 2, 3, 1);
        grid.add(passwordLabel, 0, 3);
        grid.add(password, 1, 3, 3, 1);
        grid.add(note, 1, 4, 3, 1);
        grid.add(summary, 0, 5, 4, 1);

        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Open team store");
        dialog.setHeaderText(form.reasonProperty().get() != null ? form.reasonProperty().get()
                : "Open a store on a PostgreSQL server");
        dialog.getDialogPane().getStylesheets().add(SHELL_CSS);
        dialog.getDialogPane().setId("teamStoreDialog");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, OPEN);
        Node open = dialog.getDialogPane().lookupButton(OPEN);
        open.setId("teamOpen");
        open.disableProperty().bind(Bindings.isNotNull(form.problemProperty()));
        dialog.setResultConverter(b -> b);

        TextField first = form.reasonProperty().get() != null ? password
                : form.databaseProperty().get() == null || form.databaseProperty().get().isBlank() ? database : host;
        Platform.runLater(first::requestFocus);
        return dialog;
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(1);
        f.setPrefWidth(width);
        return f;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }
}
