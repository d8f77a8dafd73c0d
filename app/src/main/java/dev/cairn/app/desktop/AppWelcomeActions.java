package dev.cairn.app.desktop;

import dev.cairn.app.demo.DemoData;
import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.WelcomeActions;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/** The app's welcome actions: demo data generated with Tribuo, and import through the plugin importers. */
final class AppWelcomeActions implements WelcomeActions {
    @Override
    public boolean canLoadDemoData() {
        return true;
    }

    @Override
    public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
        DemoData.generate(store, progress);
    }

    @Override
    public boolean canImportRuns() {
        return true;
    }

    @Override
    public String importRuns(TrackingStore store, Path source, DoubleConsumer progress) {
        ImportService service = new ImportService(store, PluginLoader.loadDefault().importers());
        ImportSummary summary = service.importPaths(List.of(source), ImportOptions.defaults(), new ImportListener() {
            @Override
            public void progress(double fraction, String message) {
                progress.accept(fraction);
            }
        });
        StringBuilder text = new StringBuilder(summary.headline());
        summary.failed().forEach(f -> text.append('\n').append(f.source()).append(": ").append(f.message()));
        summary.warnings().stream().limit(20).forEach(w -> text.append('\n').append(w));
        return text.toString();
    }
}
