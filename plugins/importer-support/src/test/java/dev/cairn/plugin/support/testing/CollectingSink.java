package dev.cairn.plugin.support.testing;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;

import java.util.ArrayList;
import java.util.List;

/** Test sink that only keeps the experiments and runs it is handed (every run is {@link Outcome#ADDED}). */
public final class CollectingSink implements ImportSink {
    /** The runs written, in order. */
    public final List<ImportedRun> runs;
    /** The experiments declared, in order. */
    public final List<ImportedExperiment> experiments = new ArrayList<>();

    /** Keeps the runs in a list of its own. */
    public CollectingSink() {
        this(new ArrayList<>());
    }

    /** Keeps the runs in {@code runs}. */
    public CollectingSink(List<ImportedRun> runs) {
        this.runs = runs;
    }

    @Override
    public void experiment(ImportedExperiment experiment) {
        experiments.add(experiment);
    }

    @Override
    public Outcome write(ImportedRun run) {
        runs.add(run);
        return Outcome.ADDED;
    }
}
