package dev.cairn.app.demo;

import dev.cairn.app.Version;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.sql.Tx;
import org.tribuo.Tribuo;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes planned runs (params, tags, note, dataset inputs, metric series) into one experiment of a store. */
final class RunRecorder {
    static final String WRITER = "cairn-demo";
    static final String STATUS_REASON_FAILED = "failure_reason";
    static final String STATUS_REASON_KILLED = "kill_reason";

    private final TrackingStore store;
    private final String experiment;
    private final CrescentsData data;
    private final Provenance provenance;

    RunRecorder(TrackingStore store, String experiment, CrescentsData data) {
        this.store = store;
        this.experiment = experiment;
        this.data = data;
        this.provenance = Provenance.here(WRITER, Version.get(), "tribuo " + Tribuo.VERSION
                + " NoisyInterlockingCrescentsDataSource");
    }

    /** Writes {@code run} inside the open transaction {@code tx}. */
    void write(Tx tx, PlannedRun run) throws SQLException {
        TrialResult result = run.result();
        NewRun spec = NewRun.in(experiment).withId(run.id()).withName(run.trial().name())
                .withStatus(result.status()).withTimes(run.startMs(), run.endMs()).withUser(run.user())
                .withParent(run.parentId()).withSource(SweepSection.class.getName(), null)
                .withProvenance(provenance);
        long seq = store.runs().create(tx, spec);
        store.runs().logParams(tx, seq, run.trial().params());
        Map<String, String> tags = new LinkedHashMap<>(run.tags());
        if (result.status() == RunStatus.FAILED) {
            tags.put(STATUS_REASON_FAILED, result.reason());
        } else if (result.status() == RunStatus.KILLED) {
            tags.put(STATUS_REASON_KILLED, result.reason());
        }
        store.runs().setTags(tx, seq, tags);
        store.runs().addInputs(tx, seq, data.inputs(run.trial().features()));
        long[] steps = result.steps();
        long[] timestamps = new long[steps.length];
        for (int i = 0; i < steps.length; i++) {
            timestamps[i] = run.timestampOf(steps[i]);
        }
        for (Map.Entry<String, double[]> series : result.series().entrySet()) {
            store.metrics().append(tx, seq, series.getKey(), steps, timestamps, series.getValue(), 0, steps.length);
        }
        if (run.note() != null) {
            store.runs().setNote(run.id(), run.note());
        }
    }

    /** Writes a run that only carries params, tags, a note and given metric points (the sweep's parent). */
    void writeParent(Tx tx, String id, String name, long startMs, long endMs, String user, Map<String, String> params,
                     Map<String, String> tags, String note, String metric, long[] steps, long[] timestamps,
                     double[] values) throws SQLException {
        NewRun spec = NewRun.in(experiment).withId(id).withName(name).withStatus(RunStatus.FINISHED)
                .withTimes(startMs, endMs).withUser(user).withSource(SweepSection.class.getName(), null)
                .withProvenance(provenance);
        long seq = store.runs().create(tx, spec);
        store.runs().logParams(tx, seq, params);
        store.runs().setTags(tx, seq, tags);
        store.runs().addInputs(tx, seq, data.inputs(FeatureSet.RAW));
        store.metrics().append(tx, seq, metric, steps, timestamps, values, 0, steps.length);
        store.runs().setNote(id, note);
    }
}
