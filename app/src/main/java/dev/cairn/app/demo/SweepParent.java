package dev.cairn.app.demo;

import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.MetricSeries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's parent run: the search settings as params, the best validation accuracy so far after each trial
 * as a metric, the best trial as tags, and a note summing the sweep up.
 */
final class SweepParent {
    static final String NAME = "sweep";
    static final String TARGET = "val/accuracy";
    static final String BEST_METRIC = "best/val_accuracy";

    private SweepParent() {
    }

    /** The finished child with the highest validation accuracy (the first on ties). */
    static PlannedRun best(List<PlannedRun> children) {
        PlannedRun best = null;
        for (PlannedRun r : children) {
            if (r.result().status() == RunStatus.FINISHED
                    && (best == null || r.result().last(TARGET) > best.result().last(TARGET))) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the demo sweep has no finished trial");
        }
        return best;
    }

    static RunContent content(String experiment, String id, long startMs, long endMs, String user,
                              List<PlannedRun> children, Map<String, String> tags, Provenance provenance,
                              CrescentsData data) {
        PlannedRun winner = best(children);
        NewRun spec = NewRun.in(experiment).withId(id).withName(NAME).withStatus(RunStatus.FINISHED)
                .withTimes(startMs, endMs).withUser(user).withSource(SweepSection.class.getName(), null)
                .withProvenance(provenance);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("search", "random");
        params.put("trials", Integer.toString(children.size()));
        params.put("sampler_seed", Long.toString(SweepPlan.SAMPLER_SEED));
        params.put("objective", TARGET);
        params.put("direction", "maximize");
        params.put("models", LogisticTrial.MODEL + "," + TreeTrial.MODEL);
        Map<String, String> allTags = new LinkedHashMap<>(tags);
        allTags.put("sweep.best_run", winner.id());
        allTags.put("sweep.best_trial", winner.trial().name());
        return new RunContent(spec, params, allTags, note(children, winner),
                data.inputs(FeatureSet.RAW), List.of(bestSoFar(children)));
    }

    private static MetricSeries bestSoFar(List<PlannedRun> children) {
        int n = children.size();
        long[] steps = new long[n];
        long[] timestamps = new long[n];
        double[] values = new double[n];
        double best = Double.NaN;
        for (int i = 0; i < n; i++) {
            PlannedRun c = children.get(i);
            double value = c.result().last(TARGET);
            if (c.result().status() == RunStatus.FINISHED && (Double.isNaN(best) || value > best)) {
                best = value;
            }
            steps[i] = i + 1;
            timestamps[i] = c.endMs();
            values[i] = best;
        }
        return new MetricSeries(BEST_METRIC, steps, timestamps, values);
    }

    private static String note(List<PlannedRun> children, PlannedRun winner) {
        return String.format(Locale.ROOT, "Random search over %d trials (%d logistic regressions, %d CART trees; "
                + "%d failed, %d stopped early). Best: %s with %s %.3f.", children.size(),
                count(children, LogisticTrial.class), count(children, TreeTrial.class),
                count(children, RunStatus.FAILED), count(children, RunStatus.KILLED), winner.trial().name(), TARGET,
                winner.result().last(TARGET));
    }

    private static long count(List<PlannedRun> children, Class<? extends Trial> kind) {
        return children.stream().filter(c -> kind.isInstance(c.trial())).count();
    }

    private static long count(List<PlannedRun> children, RunStatus status) {
        return children.stream().filter(c -> c.result().status() == status).count();
    }
}
