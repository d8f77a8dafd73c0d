package dev.cairn.app.demo;

import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.series.MetricSeries;


/** Writes demo runs into a store, inside the caller's write transaction. */
final class RunRecorder {
    private final TrackingStore store;

    RunRecorder(TrackingStore store) {
        this.store = store;
    }

    void write(StoreWriter w, RunContent run) {
        RunRef ref = w.createRun(run.spec());
        w.logParams(ref, run.params());
        w.setTags(ref, run.tags());
        w.addInputs(ref, run.inputs());
        for (MetricSeries s : run.series()) {
            w.append(ref, s.key(), s.steps(), s.timestamps(), s.values(), 0, s.size());
        }
        if (run.note() != null) {
            store.runs().setNote(run.spec().id(), run.note());
        }
    }
}
