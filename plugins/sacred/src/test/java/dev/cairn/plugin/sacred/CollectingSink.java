package dev.cairn.plugin.sacred;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;

import java.util.List;

/** Test sink that only keeps the runs it is handed. */
final class CollectingSink implements ImportSink {
    private final List<ImportedRun> runs;

    CollectingSink(List<ImportedRun> runs) {
        this.runs = runs;
    }

    @Override
    public void experiment(ImportedExperiment experiment) {
    }

    @Override
    public Outcome write(ImportedRun run) {
        runs.add(run);
        return Outcome.ADDED;
    }
}
