package dev.cairn.plugin.support.testing;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.series.MetricSeries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-only sink writing into a real store: creates each run in one transaction; for a run that exists, adds
 * only points not stored yet (same step, timestamp and value). The production sink lives in the app.
 */
public final class StoreSink implements ImportSink {
    private final TrackingStore store;
    public final List<ImportedRun> written = new ArrayList<>();
    public final List<Outcome> outcomes = new ArrayList<>();

    public StoreSink(TrackingStore store) {
        this.store = store;
    }

    @Override
    public void experiment(ImportedExperiment experiment) {
        store.experiments().getOrCreate(experiment.name());
    }

    @Override
    public Outcome write(ImportedRun run) {
        written.add(run);
        Outcome outcome = store.runs().get(run.id()).isPresent() ? merge(run) : create(run);
        outcomes.add(outcome);
        return outcome;
    }

    private Outcome create(ImportedRun run) {
        store.write(w -> {
            NewRun spec = NewRun.in(run.experiment()).withId(run.id()).withName(run.name())
                    .withStatus(run.status()).withTimes(run.startMs(), run.endMs()).withUser(run.user())
                    .withSource(run.sourceProgram(), run.sourceCommit())
                    .withProvenance(Provenance.here("test-sink", "1", run.sourceRef()));
            RunRef ref = w.createRun(spec);
            w.logParams(ref, run.params());
            w.setTags(ref, run.tags());
            for (ImportedSeries s : run.metrics()) {
                if (s.size() > 0) {
                    w.append(ref, s.key(), s.steps(), s.timestamps(), s.values(), 0, s.size());
                }
            }
        });
        return Outcome.ADDED;
    }

    private Outcome merge(ImportedRun run) {
        boolean[] changed = {false};
        store.write(w -> {
            RunRef ref = w.run(run.id());
            for (ImportedSeries s : run.metrics()) {
                MetricSeries old = store.metrics().read(run.id(), s.key());
                Set<String> have = new HashSet<>();
                for (int i = 0; i < old.size(); i++) {
                    have.add(old.steps()[i] + "/" + old.timestamps()[i] + "/" + old.values()[i]);
                }
                for (int i = 0; i < s.size(); i++) {
                    if (have.add(s.steps()[i] + "/" + s.timestamps()[i] + "/" + s.values()[i])) {
                        w.append(ref, s.key(), new long[] {s.steps()[i]},
                                new long[] {s.timestamps()[i]}, new double[] {s.values()[i]}, 0, 1);
                        changed[0] = true;
                    }
                }
            }
        });
        return changed[0] ? Outcome.UPDATED : Outcome.UNCHANGED;
    }
}
