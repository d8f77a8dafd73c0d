package dev.cairn.plugin.importer;

/**
 * Where importers put what they read. Each {@link #write(ImportedRun)} is one transaction: a failure leaves no
 * half run. Runs should be written parents first; a run whose parent is unknown is stored without the link and
 * a warning.
 */
public interface ImportSink {

    /** What happened to one written run. */
    enum Outcome {
        /** A new run was stored. */
        ADDED,
        /** The run existed; something (attributes, params, tags, inputs, artifacts, new points) changed. */
        UPDATED,
        /** The run existed and nothing in it changed. */
        UNCHANGED,
        /** The run could not be written; the sink has reported why and stored nothing of it (since API 1.1). */
        FAILED
    }

    /**
     * Announces an experiment's description, lifecycle and tags (runs create theirs implicitly). The sink writes
     * it together with the first run written into it, so an import that stores no run leaves no empty experiment.
     * Ignored when the user chose {@link ImportContext#experimentOverride() one experiment for everything}.
     */
    void experiment(ImportedExperiment experiment);

    /**
     * Writes one run: created when new; when it exists (same id), attributes, params and tags are updated and
     * only metric points not already stored (same step, timestamp and value) are added. Exact duplicate points
     * within {@code run} are stored once. The sink applies {@link ImportContext#experimentOverride()} itself.
     */
    Outcome write(ImportedRun run);

    /**
     * Writes a registered model and its versions into Cairn's registry (since API 1.2). Versions keep their
     * numbers; stages and aliases are recorded in the model's history as imported, with the source's user and
     * time. Write the models after the runs they come from, so versions link to their runs. Importing the same
     * model twice changes nothing. A sink without a registry ignores models (the default).
     *
     * @return ADDED when the model was new, UPDATED when versions, stages or aliases were added or changed,
     *         UNCHANGED when nothing changed, FAILED when it could not be written (the sink reported why)
     */
    default Outcome model(ImportedModel model) {
        return Outcome.UNCHANGED;
    }
}
