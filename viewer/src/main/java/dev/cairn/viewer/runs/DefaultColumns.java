package dev.cairn.viewer.runs;

import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.RunDetails;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns the runs table shows before the user chooses any: the metrics of the runs in view (their last
 * value; names with acc, loss, auc, f1, score or error first) and then the params whose values differ between the
 * runs, up to a limit (as many as fit). For "All experiments" only the metrics most runs share (at least half).
 */
public final class DefaultColumns {
    /** Metric names containing one of these come first, in this order. */
    private static final List<String> KEY_METRICS = List.of("acc", "loss", "auc", "f1", "score", "error");

    private DefaultColumns() {
    }

    /**
     * The default columns for {@code runs}: {@code allExperiments} keeps metrics at least half the runs have and no
     * params; otherwise every metric and the params with two or more distinct values (a missing value counts as one).
     */
    public static List<ColumnSpec> of(List<RunDetails> runs, boolean allExperiments, int limit) {
        if (runs.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<String, Integer> metricCounts = new TreeMap<>();
        Map<String, Set<String>> paramValues = new TreeMap<>();
        Map<String, Integer> paramCounts = new HashMap<>();
        for (RunDetails d : runs) {
            d.metrics().keySet().forEach(k -> metricCounts.merge(k, 1, Integer::sum));
            d.params().forEach((k, v) -> {
                paramValues.computeIfAbsent(k, x -> new HashSet<>()).add(v);
                paramCounts.merge(k, 1, Integer::sum);
            });
        }
        List<String> metrics = new ArrayList<>();
        metricCounts.forEach((k, n) -> {
            if (!allExperiments || n * 2 >= runs.size()) {
                metrics.add(k);
            }
        });
        metrics.sort(Comparator.comparingInt(DefaultColumns::rank).thenComparing(k -> k.toLowerCase(Locale.ROOT)));
        List<String> params = new ArrayList<>();
        if (!allExperiments) {
            paramValues.forEach((k, values) -> {
                int distinct = values.size() + (paramCounts.get(k) < runs.size() ? 1 : 0);
                if (distinct > 1) {
                    params.add(k);
                }
            });
        }
        // the key metrics, then the differing params, then the other metrics, until the limit; shown metrics first
        long keyMetrics = metrics.stream().filter(m -> rank(m) < KEY_METRICS.size()).count();
        int metricSlots = (int) Math.min(metrics.size(), Math.max(keyMetrics, limit - params.size()));
        metricSlots = Math.min(metricSlots, limit);
        List<ColumnSpec> out = new ArrayList<>();
        for (String m : metrics.subList(0, metricSlots)) {
            out.add(ColumnSpec.metric(m, MetricAggregate.LAST));
        }
        for (String p : params) {
            if (out.size() < limit) {
                out.add(ColumnSpec.param(p));
            }
        }
        return List.copyOf(out);
    }

    /** Where a metric name sorts: the index of the first key word it contains, else after all of them. */
    static int rank(String metric) {
        String lower = metric.toLowerCase(Locale.ROOT);
        for (int i = 0; i < KEY_METRICS.size(); i++) {
            if (lower.contains(KEY_METRICS.get(i))) {
                return i;
            }
        }
        return KEY_METRICS.size();
    }
}
