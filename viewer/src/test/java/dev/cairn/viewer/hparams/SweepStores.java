package dev.cairn.viewer.hparams;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/** Writes synthetic sweeps into real stores for hparams tests. */
final class SweepStores {
    static final long T0 = 1_700_000_000_000L;

    private SweepStores() {
    }

    /**
     * Writes {@code runs} runs into {@code experiment}, run {@code i} with {@code params.apply(i)} and one point
     * of metric {@code metric} valued {@code value.applyAsDouble(params)}; returns their ids in order.
     */
    static List<String> write(TrackingStore store, String experiment, int runs, IntFunction<Map<String, String>> params,
                              String metric, ToDoubleFunction<Map<String, String>> value) {
        List<String> ids = new ArrayList<>();
        store.write(w -> {
            ids.clear();
            for (int i = 0; i < runs; i++) {
                Map<String, String> p = params.apply(i);
                RunRef ref = w.createRun(NewRun.in(experiment).withName("trial-" + i)
                        .withStatus(RunStatus.FINISHED).withTimes(T0 + i, T0 + i + 1000));
                w.logParams(ref, p);
                double v = value.applyAsDouble(p);
                if (!Double.isNaN(v)) {
                    w.append(ref, metric, new long[] {0, 1}, new long[] {T0, T0 + 1},
                            new double[] {v * 0.5, v}, 0, 2);
                }
                ids.add(ref.id());
            }
        });
        return ids;
    }

    /** The runs' details in the order of {@code ids}. */
    static List<RunDetails> details(TrackingStore store, List<String> ids) {
        Map<String, RunDetails> byId = store.runs().details(ids);
        return ids.stream().map(byId::get).toList();
    }
}
