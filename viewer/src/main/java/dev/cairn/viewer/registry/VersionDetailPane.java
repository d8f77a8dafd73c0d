package dev.cairn.viewer.registry;

import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.registry.ModelEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The selected version: description (editable), tags, source run, lineage (run, its dataset inputs, its parent)
 * and the history timeline with who, when and comment.
 */
final class VersionDetailPane extends ScrollPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final RegistryViewModel vm;
    private final VBox content = new VBox(6);

    VersionDetailPane(RegistryViewModel vm) {
        this.vm = vm;
        setId("registry-detail");
        setFitToWidth(true);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("registry-detail");
        setContent(content);
        vm.detail().addListener((obs, was, now) -> show(now));
        show(vm.detail().get());
    }

    private void show(VersionDetail d) {
        content.getChildren().clear();
        if (d == null) {
            content.getChildren().add(new Label("Select a version"));
            return;
        }
        Label title = new Label(d.version().model() + " \u00b7 version " + d.version().version());
        title.getStyleClass().add("detail-title");
        HBox head = new HBox(8, title, StageBadge.of(d.version().stage()));
        content.getChildren().add(head);

        content.getChildren().add(section("Description"));
        TextArea description = new TextArea(d.version().description() == null ? "" : d.version().description());
        description.setId("version-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        Button save = new Button("Save description");
        save.setOnAction(e -> vm.saveDescription(description.getText()));
        content.getChildren().addAll(description, save);

        if (!d.version().tags().isEmpty()) {
            content.getChildren().add(section("Tags"));
            d.version().tags().forEach((k, v) -> content.getChildren().add(new Label(k + " = " + v)));
        }

        content.getChildren().add(section("Lineage"));
        if (d.run() == null) {
            content.getChildren().add(new Label("No source run" + (d.version().source() == null ? ""
                    : " (source " + d.version().source() + ")")));
        } else {
            Hyperlink run = new Hyperlink("Run " + (d.run().name() != null ? d.run().name() : d.run().id())
                    + " in " + d.run().experimentName());
            run.setOnAction(e -> vm.openSourceRun(vm.selectedVersion().get()));
            content.getChildren().addAll(run, new Label("Source: " + d.version().source()));
            for (DatasetInput in : d.inputs()) {
                content.getChildren().add(new Label("\u2190 dataset " + in.name()
                        + (in.digest().isEmpty() ? "" : " (" + in.digest() + ")")
                        + (in.source() == null ? "" : " from " + in.source())));
            }
            if (d.parentRun() != null) {
                content.getChildren().add(new Label("\u2190 parent run "
                        + (d.parentRun().name() != null ? d.parentRun().name() : d.parentRun().id())));
            }
        }

        content.getChildren().add(section("History"));
        VBox timeline = new VBox(4);
        timeline.setId("version-history");
        for (ModelEvent e : d.history()) {
            Label what = new Label(e.describe() + (e.forced() ? " \u2014 forced" : ""));
            what.getStyleClass().add("history-what");
            Label when = new Label(TIME.format(Instant.ofEpochMilli(e.timeMs()))
                    + (e.comment() == null ? "" : " \u2014 \u201c" + e.comment() + "\u201d"));
            when.getStyleClass().add("history-when");
            VBox entry = new VBox(1, what, when);
            entry.getStyleClass().add("history-entry");
            timeline.getChildren().add(entry);
        }
        content.getChildren().add(timeline);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section");
        return l;
    }
}
