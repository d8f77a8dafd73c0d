package dev.cairn.viewer.runs;

import dev.cairn.store.model.Run;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The small dialogs of run actions: rename, add tag, confirm delete. They only ask; the view-model acts. */
public final class RunDialogs {
    private final RunsViewModel vm;
    private final Supplier<Window> owner;

    public RunDialogs(RunsViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
    }

    public void rename(Run run) {
        TextInputDialog d = new TextInputDialog(run.name() == null ? "" : run.name());
        d.initOwner(owner.get());
        d.setTitle("Rename run");
        d.setHeaderText("New name for run " + run.id().substring(0, 8));
        d.getEditor().setId("renameField");
        d.showAndWait().ifPresent(name -> vm.rename(run.id(), name));
    }

    /** Asks for key and value, then tags every run in {@code ids}. */
    public void addTag(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Add tag");
        d.setHeaderText(ids.size() == 1 ? "Tag the run" : "Tag " + ids.size() + " runs");
        javafx.scene.control.TextField key = new javafx.scene.control.TextField();
        key.setId("tagKey");
        key.setPromptText("name");
        javafx.scene.control.TextField value = new javafx.scene.control.TextField();
        value.setId("tagValue");
        value.setPromptText("value (optional)");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new javafx.scene.control.Label("Name"), key);
        g.addRow(1, new javafx.scene.control.Label("Value"), value);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(key.textProperty().isEmpty());
        javafx.application.Platform.runLater(key::requestFocus);
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK) {
            vm.setTag(List.copyOf(ids), key.getText(), value.getText());
        }
    }

    /** Confirms, then soft-deletes. */
    public void confirmDelete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner.get());
        a.setTitle("Delete runs");
        a.setHeaderText(ids.size() == 1 ? "Delete this run?" : "Delete " + ids.size() + " runs?");
        a.setContentText("Deleted runs are hidden, not erased: tick \"Show deleted\" to see and restore them.");
        ButtonType delete = new ButtonType("Delete", ButtonType.OK.getButtonData());
        a.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        a.showAndWait().filter(b -> b == delete).ifPresent(b -> vm.delete(ids));
    }
}
