package dev.cairn.app.demo;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.sql.Tx;


/** Writes demo runs into a store, inside the caller's write transaction. */
final class RunRecorder {
    private final TrackingStore store;

    RunRecorder(TrackingStore store) {
        this.store = store;
    }

    void write(Tx tx, RunContent run) {
        long seq = store.runs().create(tx, run.spec());
        store.runs().logParams(tx, seq, run.params());
        store.runs().setTags(tx, seq, run.tags());
        store.runs().addInputs(tx, seq, run.inputs());
        for (MetricSeries s : run.series()) {
            store.metrics().append(tx, seq, s.key(), s.steps(), s.timestamps(), s.values(), 0, s.size());
        }
        if (run.note() != null) {
            store.runs().setNote(run.spec().id(), run.note());
        }
    }
}
