package dev.cairn.app.desktop;

import dev.cairn.app.importing.ImportListener;
import dev.cairn.app.importing.ImportOptions;
import dev.cairn.app.importing.ImportService;
import dev.cairn.app.importing.ImportSummary;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.ImportActions;
import dev.cairn.viewer.shell.ImportProgress;
import dev.cairn.viewer.shell.ImportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The window's import actions over the app's {@link ImportService} and the loaded importer plugins. */
final class AppImportActions implements ImportActions {
    private final Supplier<List<RunImporter>> importers;

    /** {@code importers} is asked on each use (on a background thread), so a plugin that failed drops out. */
    AppImportActions(Supplier<List<RunImporter>> importers) {
        this.importers = importers;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public List<String> detect(Path path) {
        return new ImportService(null, importers.get()).detect(path).stream()
                .map(d -> d.importer().displayName()).toList();
    }

    @Override
    public ImportResult importPaths(TrackingStore store, List<Path> paths, boolean dryRun, ImportProgress progress) {
        Set<String> experiments = ConcurrentHashMap.newKeySet();
        List<RunImporter> counting = importers.get().stream()
                .map(i -> (RunImporter) new ExperimentCountingImporter(i, experiments)).toList();
        ImportSummary s = new ImportService(store, counting).importPaths(paths, new ImportOptions(null, null, dryRun),
                new ImportListener() {
                    @Override
                    public void progress(double fraction, String message) {
                        progress.progress(fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                });
        return toResult(s, experiments.size());
    }

    static ImportResult toResult(ImportSummary s, int experiments) {
        return new ImportResult(s.sources().stream().map(src -> new ImportResult.Source(src.path(),
                src.runs() == null ? src.importerName() : src.describe())).toList(), s.added(), s.updated(), s.unchanged(),
                s.failed().stream().map(ImportSummary.Failure::message).toList(), s.warnings(), experiments,
                s.dryRun(), s.cancelled());
    }
}
