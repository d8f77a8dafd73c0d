package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportSink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects outcomes, failures and warnings while an import runs; turned into an {@link ImportSummary}. */
final class ImportReport {
    private final List<ImportSummary.Source> sources = new ArrayList<>();
    private final Set<String> added = new LinkedHashSet<>();
    private final Set<String> updated = new LinkedHashSet<>();
    private final Set<String> unchanged = new LinkedHashSet<>();
    private final List<ImportSummary.Failure> failed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ImportSummary.Model> models = new ArrayList<>();
    private final ImportListener listener;
    /** Set when a write found the store's disk full: later runs are not attempted (each would fail the same way). */
    private String storeFull;
    private int notAttempted;
    private String aliasFrom;
    private String aliasTo;

    ImportReport(ImportListener listener) {
        this.listener = listener;
    }

    /**
     * From now on, paths starting with {@code from} in sources, failures and warnings are shown starting with
     * {@code to} instead (an unpacked zip's temporary folder as {@code runs.zip}); {@code null} ends it.
     */
    void alias(String from, String to) {
        aliasFrom = from;
        aliasTo = to;
    }

    private String shown(String text) {
        return text == null || aliasFrom == null ? text : text.replace(aliasFrom, aliasTo);
    }

    void source(String path, String importerId, String importerName) {
        sources.add(new ImportSummary.Source(shown(path), importerId, importerName));
    }

    /** A sub-tree of a project folder, its importer, the runs read from it and its group folder (or null). */
    void source(String path, String importerId, String importerName, int runs, String group) {
        sources.add(new ImportSummary.Source(shown(path), importerId, importerName, runs, shown(group)));
    }

    boolean hasFailures() {
        return !failed.isEmpty();
    }

    void outcome(ImportSink.Outcome outcome, String runId) {
        switch (outcome) {
            case ADDED -> {
                if (!updated.contains(runId) && !unchanged.contains(runId)) {
                    added.add(runId);
                }
            }
            case UPDATED -> {
                if (!added.contains(runId)) {
                    unchanged.remove(runId);
                    updated.add(runId);
                }
            }
            case UNCHANGED -> {
                if (!added.contains(runId) && !updated.contains(runId)) {
                    unchanged.add(runId);
                }
            }
            case FAILED -> {
                // the failure itself was recorded with its reason
            }
        }
    }

    void model(String name, ImportSink.Outcome outcome) {
        models.add(new ImportSummary.Model(name, outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    void fail(String source, String message) {
        source = shown(source);
        message = shown(message);
        failed.add(new ImportSummary.Failure(source, message));
        listener.warning("failed: " + message);
    }

    /** True once a write found the store's disk full. */
    boolean storeFull() {
        return storeFull != null;
    }

    /** The store's disk is full: recorded once with its reason, for the first run it stopped. */
    void storeFull(String source, String message) {
        if (storeFull == null) {
            storeFull = message;
            fail(source, message);
        } else {
            notAttempted++;
        }
    }

    /** A run not attempted because the store's disk is full. */
    void notAttempted() {
        notAttempted++;
    }

    void warn(String message) {
        message = shown(message);
        warnings.add(message);
        listener.warning(message);
    }

    ImportSummary summary(boolean dryRun, boolean cancelled) {
        if (notAttempted > 0) {
            failed.add(new ImportSummary.Failure("store", notAttempted + " more run" + (notAttempted == 1 ? "" : "s")
                    + " not imported: the store's disk is full (import again once there is room)"));
            notAttempted = 0;
        }
        return new ImportSummary(sources, new ArrayList<>(added), new ArrayList<>(updated),
                new ArrayList<>(unchanged), failed, warnings, dryRun, cancelled, models);
    }
}
