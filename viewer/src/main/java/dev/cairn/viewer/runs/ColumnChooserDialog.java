package dev.cairn.viewer.runs;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The column chooser: search, tick params, metric aggregates and tags; OK applies. */
public final class ColumnChooserDialog {
    private ColumnChooserDialog() {
    }

    /** Shows the chooser for {@code vm}'s scope and applies the choice. */
    public static void show(Window owner, RunsViewModel vm) {
        ColumnChooserViewModel chooser = new ColumnChooserViewModel(vm.paramKeys(), vm.metricKeys(), vm.tagKeys(),
                vm.columns());
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Columns");
        d.setHeaderText("Choose param, metric and tag columns");
        TextField search = new TextField();
        search.setId("columnSearch");
        search.setPromptText("Search keys");
        search.textProperty().bindBidirectional(chooser.searchProperty());
        ListView<ColumnSpec> list = new ListView<>(chooser.visibleCandidates());
        list.setId("columnList");
        list.setPrefSize(380, 420);
        list.setPlaceholder(new Label("No params, metrics or tags in this scope yet."));
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();

            @Override
            protected void updateItem(ColumnSpec item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                box.setText(item.description());
                box.setSelected(chooser.isChosen(item));
                box.setOnAction(e -> chooser.setChosen(item, box.isSelected()));
                setGraphic(box);
            }
        });
        d.getDialogPane().setContent(new VBox(8, search, list));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.application.Platform.runLater(search::requestFocus);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.columns().setAll(chooser.chosenInOrder()));
    }
}
