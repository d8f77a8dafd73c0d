package dev.cairn.viewer.testing;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real SQLite stores with a few runs, for viewer tests. */
public final class TestStores {
    public static final long T0 = 1_700_000_000_000L;

    private TestStores() {
    }

    /**
     * Two experiments: "churn" with runs lr-0.1 (FINISHED, loss 0.5..0.2), lr-0.01 (FAILED), lr-0.001 (child of
     * lr-0.1), and "vision" with one run "resnet". Returns the runs in creation order.
     */
    public static List<Run> populate(TrackingStore store) {
        List<Run> runs = new ArrayList<>();
        runs.add(run(store, "churn", "lr-0.1", RunStatus.FINISHED, 0, null, Map.of("lr", "0.1", "model", "logreg"),
                new double[] {0.5, 0.4, 0.3, 0.2}));
        runs.add(run(store, "churn", "lr-0.01", RunStatus.FAILED, 1, null, Map.of("lr", "0.01", "model", "logreg"),
                new double[] {0.9, 0.8}));
        runs.add(run(store, "churn", "lr-0.001", RunStatus.FINISHED, 2, runs.get(0).id(),
                Map.of("lr", "0.001", "model", "tree"), new double[] {0.7, 0.6, 0.65}));
        runs.add(run(store, "vision", "resnet", RunStatus.RUNNING, 3, null, Map.of("depth", "50"),
                new double[] {2.0, 1.0}));
        store.runs().setTag(runs.get(0).id(), "team", "risk");
        return runs;
    }

    /** Creates one run with params and a "loss" series. */
    public static Run run(TrackingStore store, String experiment, String name, RunStatus status, int minute,
                          String parent, Map<String, String> params, double[] loss) {
        long start = T0 + minute * 60_000L;
        NewRun spec = NewRun.in(experiment).withName(name).withStatus(status)
                .withTimes(start, status == RunStatus.RUNNING ? null : start + 30_000).withUser("ana")
                .withParent(parent);
        Run run = store.runs().create(spec);
        store.runs().logParams(run.id(), params);
        long[] steps = new long[loss.length];
        long[] ts = new long[loss.length];
        for (int i = 0; i < loss.length; i++) {
            steps[i] = i;
            ts[i] = start + i * 1000L;
        }
        store.metrics().append(run.id(), "loss", steps, ts, loss);
        return store.runs().require(run.id());
    }

    /** Opens a fresh store file in {@code dir}. */
    public static TrackingStore open(Path dir, String name) {
        return TrackingStore.open(dir.resolve(name));
    }
}
