package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;

import java.util.Map;

/** Writes small real runs into a real store for compare tests. */
final class CompareStoreFixture {
    static final long T0 = 1_700_000_000_000L;

    private CompareStoreFixture() {
    }

    /** A run with params and a tag and {@code steps} points of "loss" (1/(s+1)*scale) and "val/acc". */
    static Run run(TrackingStore store, String name, Map<String, String> params, String team, int steps,
                   double scale) {
        Run run = store.runs().create(NewRun.in("cmp").withName(name).withTimes(T0, T0 + 3_600_000L));
        store.runs().logParams(run.id(), params);
        store.runs().setTag(run.id(), "team", team);
        long[] s = new long[steps];
        long[] t = new long[steps];
        double[] loss = new double[steps];
        double[] acc = new double[steps];
        for (int i = 0; i < steps; i++) {
            s[i] = i;
            t[i] = T0 + i * 1000L;
            loss[i] = scale / (i + 1);
            acc[i] = 1 - loss[i] / 2;
        }
        store.metrics().append(run.id(), "loss", s, t, loss);
        store.metrics().append(run.id(), "val/acc", s, t, acc);
        return run;
    }
}
