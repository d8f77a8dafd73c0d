package dev.cairn.viewer.registry;

import dev.cairn.store.registry.ModelEvent;
import dev.cairn.viewer.common.ColumnFit;
import dev.cairn.viewer.common.Formats;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;
import java.util.function.Function;

/**
 * The selected model's whole history, newest first: when, who, which version, what happened and why. Events of
 * versions deleted since stay here (the versions table no longer lists them), as do moves back to stage None;
 * clicking an event selects its version when it is still listed.
 */
final class ModelHistoryTable extends TableView<ModelEvent> {

    ModelHistoryTable(RegistryViewModel vm) {
        super(vm.modelHistory());
        setId("registry-model-history");
        setPlaceholder(new Label("Select a model"));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().addAll(java.util.List.of(
                text("When", e -> Formats.dateTime(e.timeMs())),
                text("Who", e -> e.user() == null ? "" : e.user()),
                text("Version", e -> e.version() == null ? "" : "v" + e.version()),
                text("What", ModelHistoryTable::what),
                text("Comment", e -> e.comment() == null ? "" : e.comment())));
        getColumns().forEach(c -> c.setSortable(false)); // the history reads in its own order
        vm.modelHistory().addListener((ListChangeListener<ModelEvent>) c -> fit());
        fit();
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.selectVersionOf(now));
    }

    /** What an event did, without the user in front (the Who column has it): "deleted version 3 (was Production)". */
    static String what(ModelEvent e) {
        String text = e.describe() + (e.forced() ? " \u2014 forced" : "");
        String who = e.user() == null ? "someone" : e.user();
        return text.startsWith(who + " ") ? text.substring(who.length() + 1) : text;
    }

    private void fit() {
        ColumnFit.fit(this, Map.of(), e -> false, 0);
    }

    private static TableColumn<ModelEvent, String> text(String title, Function<ModelEvent, String> value) {
        TableColumn<ModelEvent, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return col;
    }
}
