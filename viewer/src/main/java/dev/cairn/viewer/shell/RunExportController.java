package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.UserMessages;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.runs.RunRow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Run → Export selected runs… / Export table…: asks for a file (CSV, JSON when the app can write it, a Cairn
 * bundle with series when the bundle plugin is there) and writes it in the background; the status bar says how
 * it went.
 */
final class RunExportController {
    private final Stage stage;
    private final ShellViewModel vm;
    private final RunExporter exporter;

    RunExportController(Stage stage, ShellViewModel vm, RunExporter exporter) {
        this.stage = stage;
        this.vm = vm;
        this.exporter = exporter;
    }

    /** Exports the selected runs ({@code selectedOnly}) or every run the table holds. */
    void export(boolean selectedOnly) {
        if (!selectedOnly && !vm.runs().completeProperty().get() && vm.store() != null) {
            // the table holds only the first pages: read every matching run for the export
            TrackingStore store = vm.store();
            dev.cairn.store.query.RunQuery query = vm.runs().query();
            vm.runner().submit("Reading the runs to export", () -> dev.cairn.viewer.runs.RunPageLoader
                    .detailsInOrder(store, store.search().searchAll(query)), this::exportRuns,
                    e -> vm.noticeProperty().set("Export failed: " + UserMessages.of(e)));
            return;
        }
        exportRuns(selectedOnly ? vm.runs().selection().stream().map(RunRow::details).toList()
                : vm.runs().tableRuns());
    }

    private void exportRuns(List<RunDetails> runs) {
        if (runs.isEmpty()) {
            vm.noticeProperty().set("Nothing to export.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + runs.size() + (runs.size() == 1 ? " run" : " runs"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        if (exporter.canWriteJson()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON (*.json)", "*.json"));
        }
        BundleWriter bundles = vm.services().bundles();
        if (bundles != null) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    "Cairn bundle, series included (*.cairn.zip)", "*.cairn.zip"));
        }
        chooser.setInitialFileName("runs.csv");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        String chosen = chooser.getSelectedExtensionFilter() == null ? ""
                : chooser.getSelectedExtensionFilter().getDescription();
        String name = target.toString().toLowerCase(Locale.ROOT);
        if (bundles != null && (name.endsWith(".cairn.zip") || chosen.startsWith("Cairn bundle"))) {
            Path zip = name.endsWith(".cairn.zip") ? target : target.resolveSibling(target.getFileName() + ".cairn.zip");
            List<String> ids = runs.stream().map(d -> d.run().id()).toList();
            TrackingStore store = vm.store();
            vm.runner().submit("Exporting " + ids.size() + " runs to a bundle", () -> {
                bundles.write(store, ids, zip, p -> { });
                return zip;
            }, p -> vm.noticeProperty().set("Exported " + ids.size() + " runs to " + p.getFileName()),
                    e -> vm.noticeProperty().set("Export failed: " + UserMessages.of(e)));
            return;
        }
        RunExporter.Format format = chosen.startsWith("JSON") && !name.endsWith(".csv")
                ? RunExporter.Format.JSON : RunExporter.Format.forFile(target);
        vm.runner().submit("Exporting " + runs.size() + " runs", () -> {
            exporter.export(runs, target, format);
            return target;
        }, p -> vm.noticeProperty().set("Exported " + runs.size() + " runs to " + p.getFileName()),
                e -> vm.noticeProperty().set("Export failed: " + UserMessages.of(e)));
    }
}
