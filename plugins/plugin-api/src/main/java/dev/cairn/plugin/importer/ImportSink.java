package dev.cairn.plugin.importer;

/**
 * Where importers put what they read. Each {@link #write(ImportedRun)} is one transaction: a failure leaves no
 * half run. Runs should be written parents first; a run whose parent is unknown is stored without the link and
 * a warning.
 */
public interface ImportSink {

    /** What happened to one written run. */
    enum Outcome { ADDED, UPDATED, UNCHANGED }

    /** Creates or updates an experiment's description, lifecycle and tags (runs create theirs implicitly). */
    void experiment(ImportedExperiment experiment);

    /**
     * Writes one run: created when new; when it exists (same id), attributes, params and tags are updated and
     * only metric points not already stored (same step, timestamp and value) are added.
     */
    Outcome write(ImportedRun run);
}
