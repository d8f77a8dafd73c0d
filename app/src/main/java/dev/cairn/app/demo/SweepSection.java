package dev.cairn.app.demo;

import dev.cairn.store.Runs;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/**
 * The hyperparameter sweep: a baseline run, then one parent run "sweep" whose children are the trials of
 * {@link SweepPlan}, each trained for real with Tribuo on the crescents data. Training runs on a few threads;
 * the writing is one transaction, so the experiment appears whole or not at all.
 */
public final class SweepSection implements DemoSection {
    /** The experiment this section writes. */
    public static final String EXPERIMENT = "demo: crescents classifier";
    static final String PARENT_NAME = "sweep";
    static final String TARGET = "val/accuracy";
    static final String BEST_METRIC = "best/val_accuracy";
    static final String DEMO_TAG = "cairn.demo";
    static final String SWEEP_USER = "ada";
    static final String BASELINE_USER = "grace";
    private static final double TRAINING_SHARE = 0.9;
    private static final Duration SWEEP_ENDED_BEFORE_NOW = Duration.ofMinutes(25);
    private static final Duration BASELINE_BEFORE_SWEEP = Duration.ofMinutes(40);

    @Override
    public String experiment() {
        return EXPERIMENT;
    }

    @Override
    public int write(TrackingStore store, Instant now, DoubleConsumer progress) {
        CrescentsData data = new CrescentsData();
        Trial baseline = new BaselineTrial();
        List<Trial> trials = SweepPlan.trials();
        List<Trial> all = new ArrayList<>(trials);
        all.add(baseline);
        List<TrialResult> results = trainAll(all, data, progress);

        String parentId = Runs.newId();
        List<PlannedRun> children = new ArrayList<>();
        long cursor = 4_000;
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(DEMO_TAG, "sweep");
            tags.put("sweep.trial", Integer.toString(i + 1));
            PlannedRun run = new PlannedRun(Runs.newId(), t, results.get(i), parentId, cursor, SWEEP_USER, tags, null);
            children.add(run);
            cursor = run.endMs() + 1_500 + Math.floorMod((i + 1) * 7_919L, 2_500);
        }
        long sweepEnd = cursor + 1_000;
        long shift = now.minus(SWEEP_ENDED_BEFORE_NOW).toEpochMilli() - sweepEnd;
        List<PlannedRun> placed = children.stream().map(r -> shifted(r, shift)).toList();
        placed = withBestNote(placed);
        PlannedRun baselineRun = new PlannedRun(Runs.newId(), baseline, results.get(results.size() - 1), null,
                shift - BASELINE_BEFORE_SWEEP.toMillis(), BASELINE_USER, Map.of(DEMO_TAG, "sweep", "role",
                "baseline"), "Most-frequent-label baseline: the floor every model in the sweep must beat.");

        RunRecorder recorder = new RunRecorder(store, EXPERIMENT, data);
        List<PlannedRun> toWrite = placed;
        store.transaction(tx -> {
            recorder.write(tx, baselineRun);
            writeParent(recorder, tx, parentId, shift, shift + sweepEnd, toWrite);
            for (PlannedRun run : toWrite) {
                recorder.write(tx, run);
            }
            store.experiments().setDescription(EXPERIMENT, "Demo data: a random search over logistic regression "
                    + "and CART trees on Tribuo's noisy interlocking crescents, trained for real with Tribuo.");
            store.experiments().setTag(EXPERIMENT, DEMO_TAG, "sweep");
        });
        progress.accept(1);
        return toWrite.size() + 2;
    }

    private static List<TrialResult> trainAll(List<Trial> trials, CrescentsData data, DoubleConsumer progress) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cairn-demo-train-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (TribuoLogging quiet = TribuoLogging.quiet()) {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (Trial t : trials) {
                futures.add(pool.submit(() -> t.train(data)));
            }
            List<TrialResult> out = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                out.add(f.get());
                progress.accept(TRAINING_SHARE * out.size() / trials.size());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data generation was interrupted; nothing was written.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Training a demo model failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static PlannedRun shifted(PlannedRun r, long shift) {
        return new PlannedRun(r.id(), r.trial(), r.result(), r.parentId(), r.startMs() + shift, r.user(), r.tags(),
                r.note());
    }

    /** The finished child with the highest validation accuracy (the first on ties). */
    static PlannedRun best(List<PlannedRun> runs) {
        PlannedRun best = null;
        for (PlannedRun r : runs) {
            if (r.result().status() == RunStatus.FINISHED
                    && (best == null || r.result().last(TARGET) > best.result().last(TARGET))) {
                best = r;
            }
        }
        return best;
    }

    private static List<PlannedRun> withBestNote(List<PlannedRun> runs) {
        PlannedRun best = best(runs);
        List<PlannedRun> out = new ArrayList<>(runs.size());
        for (PlannedRun r : runs) {
            String note = r.result().status() == RunStatus.FAILED ? "Diverged: " + r.result().reason()
                    + ". Kept so the failure is visible next to the runs that worked."
                    : r == best ? "Best trial of the sweep (highest val/accuracy)." : null;
            out.add(new PlannedRun(r.id(), r.trial(), r.result(), r.parentId(), r.startMs(), r.user(), r.tags(),
                    note));
        }
        return out;
    }

    private static void writeParent(RunRecorder recorder, dev.cairn.store.sql.Tx tx, String parentId, long startMs,
                                    long endMs, List<PlannedRun> children) throws java.sql.SQLException {
        long[] steps = new long[children.size()];
        long[] timestamps = new long[children.size()];
        double[] bestSoFar = new double[children.size()];
        double best = Double.NaN;
        for (int i = 0; i < children.size(); i++) {
            PlannedRun c = children.get(i);
            if (c.result().status() == RunStatus.FINISHED && !(c.result().last(TARGET) <= best)) {
                best = c.result().last(TARGET);
            }
            steps[i] = i + 1;
            timestamps[i] = c.endMs();
            bestSoFar[i] = best;
        }
        PlannedRun winner = best(children);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("search", "random");
        params.put("trials", Integer.toString(children.size()));
        params.put("sampler_seed", Long.toString(SweepPlan.SAMPLER_SEED));
        params.put("objective", TARGET);
        params.put("direction", "maximize");
        params.put("models", LogisticTrial.MODEL + "," + TreeTrial.MODEL);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DEMO_TAG, "sweep");
        tags.put("sweep.best_run", winner.id());
        tags.put("sweep.best_trial", winner.trial().name());
        long failed = children.stream().filter(c -> c.result().status() == RunStatus.FAILED).count();
        long killed = children.stream().filter(c -> c.result().status() == RunStatus.KILLED).count();
        String note = String.format(Locale.ROOT, "Random search over %d trials (%d logistic regressions, %d CART "
                + "trees; %d failed, %d stopped early). Best: %s with %s %.3f.", children.size(),
                children.stream().filter(c -> c.trial() instanceof LogisticTrial).count(),
                children.stream().filter(c -> c.trial() instanceof TreeTrial).count(), failed, killed,
                winner.trial().name(), TARGET, winner.result().last(TARGET));
        recorder.writeParent(tx, parentId, PARENT_NAME, startMs, endMs, SWEEP_USER, params, tags, note, BEST_METRIC,
                steps, timestamps, bestSoFar);
    }
}
