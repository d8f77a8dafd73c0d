package dev.cairn.app.demo;

import dev.cairn.app.Version;
import dev.cairn.store.Runs;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import org.tribuo.Tribuo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * The hyperparameter sweep: a baseline run, then one parent run "sweep" whose children are the trials of
 * {@link SweepPlan}, each trained for real with Tribuo on the crescents data. Trials run one after another on a
 * simulated timeline that ends 25 minutes before generation. Everything is written in one transaction, so the
 * experiment appears whole or not at all.
 */
public final class SweepSection implements DemoSection {
    /** The experiment this section writes. */
    public static final String EXPERIMENT = "demo: crescents classifier";
    static final String WRITER = "cairn-demo";
    static final String DEMO_TAG = "cairn.demo";
    static final String SWEEP_USER = "ada";
    static final String BASELINE_USER = "grace";
    private static final double TRAINING_SHARE = 0.9;
    private static final long FIRST_TRIAL_OFFSET_MS = 4_000;
    private static final Duration SWEEP_ENDED_BEFORE_NOW = Duration.ofMinutes(25);
    private static final Duration BASELINE_BEFORE_SWEEP = Duration.ofMinutes(40);

    @Override
    public String experiment() {
        return EXPERIMENT;
    }

    @Override
    public int write(TrackingStore store, Instant now, DoubleConsumer progress) {
        CrescentsData data = new CrescentsData();
        List<Trial> trials = SweepPlan.trials();
        Trial baseline = new BaselineTrial();
        List<Trial> all = new ArrayList<>(trials);
        all.add(baseline);
        List<TrialResult> results = TrialRunner.trainAll(all, data, p -> progress.accept(TRAINING_SHARE * p));

        String parentId = Runs.newId();
        List<PlannedRun> children = placeOneAfterAnother(trials, results, parentId);
        long sweepLength = children.get(children.size() - 1).endMs() + 1_000;
        long sweepStart = now.minus(SWEEP_ENDED_BEFORE_NOW).toEpochMilli() - sweepLength;
        children = children.stream().map(c -> c.withStartMs(c.startMs() + sweepStart)).toList();
        children = withNotes(children);
        PlannedRun baselineRun = new PlannedRun(Runs.newId(), baseline, results.get(results.size() - 1), null,
                sweepStart - BASELINE_BEFORE_SWEEP.toMillis(), BASELINE_USER, Map.of(DEMO_TAG, "sweep", "role",
                "baseline"), "Most-frequent-label baseline: the floor every model in the sweep must beat.");

        Provenance provenance = Provenance.here(WRITER, Version.get(), "tribuo " + Tribuo.VERSION
                + " NoisyInterlockingCrescentsDataSource");
        List<RunContent> runs = new ArrayList<>();
        runs.add(baselineRun.content(EXPERIMENT, provenance, data));
        runs.add(SweepParent.content(EXPERIMENT, parentId, sweepStart, sweepStart + sweepLength, SWEEP_USER,
                children, Map.of(DEMO_TAG, "sweep"), provenance, data));
        children.forEach(c -> runs.add(c.content(EXPERIMENT, provenance, data)));

        RunRecorder recorder = new RunRecorder(store);
        store.write(w -> {
            for (RunContent run : runs) {
                recorder.write(w, run);
            }
            store.experiments().setDescription(EXPERIMENT, "Demo data: a random search over logistic regression "
                    + "and CART trees on Tribuo's noisy interlocking crescents, trained for real with Tribuo.");
            store.experiments().setTag(EXPERIMENT, DEMO_TAG, "sweep");
        });
        progress.accept(1);
        return runs.size();
    }

    /** The trials as children of {@code parentId}, run one after another from a few seconds after time 0. */
    private static List<PlannedRun> placeOneAfterAnother(List<Trial> trials, List<TrialResult> results,
                                                         String parentId) {
        List<PlannedRun> out = new ArrayList<>();
        long cursor = FIRST_TRIAL_OFFSET_MS;
        for (int i = 0; i < trials.size(); i++) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(DEMO_TAG, "sweep");
            tags.put("sweep.trial", Integer.toString(i + 1));
            PlannedRun run = new PlannedRun(Runs.newId(), trials.get(i), results.get(i), parentId, cursor,
                    SWEEP_USER, tags, null);
            out.add(run);
            cursor = run.endMs() + 1_500 + Math.floorMod((i + 1) * 7_919L, 2_500);
        }
        return out;
    }

    /** Notes on the failed trial and on the best one. */
    private static List<PlannedRun> withNotes(List<PlannedRun> children) {
        PlannedRun best = SweepParent.best(children);
        return children.stream().map(c -> {
            if (c.result().status() == RunStatus.FAILED) {
                return c.withNote("Diverged: " + c.result().reason()
                        + ". Kept so the failure is visible next to the runs that worked.");
            }
            return c == best ? c.withNote("Best trial of the sweep (highest val/accuracy).") : c;
        }).toList();
    }
}
