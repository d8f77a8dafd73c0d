package dev.cairn.store.bench;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.RunStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The large synthetic store the benchmarks time (the runs table's, {@code cairn bench --mode search}): runs with ids
 * {@code %032x} of 1..n, 20 params ({@code p3} one of a..d, the others numbers), 10 metrics {@code m0..m9} of a few
 * points, sweeps of 100 nested runs ({@code sweep-i} parents, {@code trial-i} children), one run in 37 failed,
 * written in units of work of 1,000 runs. The same {@link Shape} and seed give the same store.
 */
public final class SyntheticRuns {
    /** Params per run. */
    public static final int PARAMS = 20;
    /** Metrics per run. */
    public static final int METRICS = 10;
    private static final int WRITE_BATCH = 1000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final long START = 1_700_000_000_000L;

    /**
     * What differs between the benchmarks' stores.
     *
     * @param experiment the experiment of run {@code i}
     * @param points     points per metric
     * @param tags       whether each run gets 4 tags (team, dataset, mlflow.source.type, stage)
     */
    public record Shape(IntFunction<String> experiment, int points, boolean tags) {
    }

    private SyntheticRuns() {
    }

    /**
     * Writes {@code runs} runs into {@code store}.
     *
     * @param random   the values' source (its kind and seed decide the values)
     * @param progress told the runs written so far, every 10,000
     */
    public static void write(TrackingStore store, int runs, Shape shape, RandomGenerator random,
                             IntConsumer progress) {
        String[] kinds = {"a", "b", "c", "d"};
        int points = shape.points();
        for (int from = 0; from < runs; from += WRITE_BATCH) {
            int to = Math.min(runs, from + WRITE_BATCH);
            int first = from;
            store.write(w -> {
                String parent = null;
                for (int i = first; i < to; i++) {
                    String id = String.format(Locale.ROOT, "%032x", i + 1L);
                    boolean sweepStart = i % 100 == 0;
                    long runStart = START + i * 60_000L;
                    RunRef ref = w.createRun(NewRun.in(shape.experiment().apply(i)).withId(id)
                            .withName((sweepStart ? "sweep-" : "trial-") + i)
                            .withStatus(i % 37 == 0 ? RunStatus.FAILED : RunStatus.FINISHED)
                            .withTimes(runStart, runStart + 30_000 + random.nextInt(600_000))
                            .withUser("user" + (i % 7)).withParent(sweepStart ? null : parent));
                    if (sweepStart) {
                        parent = id;
                    }
                    Map<String, String> params = new HashMap<>();
                    for (int p = 0; p < PARAMS; p++) {
                        params.put("p" + p, p == 3 ? kinds[random.nextInt(4)]
                                : Double.toString(Math.round(random.nextDouble() * 1000) / 1000.0));
                    }
                    w.logParams(ref, params);
                    if (shape.tags()) {
                        w.setTags(ref, Map.of("team", "team-" + (i % 3), "dataset", "data-v" + (i % 11),
                                "mlflow.source.type", "LOCAL", "stage", i % 2 == 0 ? "tuning" : "baseline"));
                    }
                    long[] steps = new long[points];
                    long[] ts = new long[points];
                    for (int m = 0; m < METRICS; m++) {
                        double[] values = new double[points];
                        for (int s = 0; s < points; s++) {
                            steps[s] = s;
                            ts[s] = runStart + s * 1000L;
                            values[s] = random.nextDouble();
                        }
                        w.append(ref, "m" + m, steps, ts, values, 0, points);
                    }
                }
            });
            if (to % PROGRESS_EVERY == 0) {
                progress.accept(to);
            }
        }
    }
}
