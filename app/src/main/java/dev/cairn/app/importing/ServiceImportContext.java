package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportContext;

import java.nio.file.Path;
import java.util.Optional;

/** The {@link ImportContext} handed to an importer for one path: forwards to the report and the listener. */
final class ServiceImportContext implements ImportContext {
    private final ImportReport report;
    private final ImportListener listener;
    private final ImportOptions options;
    private final int index;
    private final int count;
    private final Path projectRoot;

    /** For path {@code index} of {@code count}: progress is scaled into that path's share. */
    ServiceImportContext(ImportReport report, ImportListener listener, ImportOptions options, int index, int count) {
        this(report, listener, options, index, count, null);
    }

    /** For one sub-tree of the project folder {@code projectRoot} (null: a path imported on its own). */
    ServiceImportContext(ImportReport report, ImportListener listener, ImportOptions options, int index, int count,
                         Path projectRoot) {
        this.report = report;
        this.listener = listener;
        this.options = options;
        this.index = index;
        this.count = count;
        this.projectRoot = projectRoot;
    }

    @Override
    public Optional<Path> projectRoot() {
        return Optional.ofNullable(projectRoot);
    }

    @Override
    public void progress(double fraction, String message) {
        double overall = fraction < 0 ? -1 : (index + Math.min(1, fraction)) / count;
        listener.progress(overall, message);
    }

    @Override
    public boolean isCancelled() {
        return listener.isCancelled();
    }

    @Override
    public void warn(String message) {
        report.warn(message);
    }

    @Override
    public void fail(String source, String message) {
        report.fail(source, message);
    }

    @Override
    public Optional<String> experimentOverride() {
        return Optional.ofNullable(options.experiment());
    }

    @Override
    public boolean dryRun() {
        return options.dryRun();
    }
}
