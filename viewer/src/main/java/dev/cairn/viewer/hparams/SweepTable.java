package dev.cairn.viewer.hparams;

import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The runs in view as columns: one {@link ParamColumn} per param, one numeric column per metric (reduced by the
 * target's aggregate), and the target itself. Row {@code i} is run {@code runIds().get(i)}.
 */
public final class SweepTable {
    private final List<String> runIds;
    private final List<String> runNames;
    private final Target target;
    private final ParamColumn targetColumn;
    private final Map<String, ParamColumn> params;
    private final Map<String, ParamColumn> metrics;

    private SweepTable(List<String> runIds, List<String> runNames, Target target, ParamColumn targetColumn,
                       Map<String, ParamColumn> params, Map<String, ParamColumn> metrics) {
        this.runIds = runIds;
        this.runNames = runNames;
        this.target = target;
        this.targetColumn = targetColumn;
        this.params = params;
        this.metrics = metrics;
    }

    /** Builds the table from bulk-read run details, in the order given. */
    public static SweepTable of(List<RunDetails> runs, Target target) {
        int n = runs.size();
        List<String> ids = new ArrayList<>(n);
        List<String> names = new ArrayList<>(n);
        TreeSet<String> paramKeys = new TreeSet<>();
        TreeSet<String> metricKeys = new TreeSet<>();
        double[] targetValues = new double[n];
        for (int i = 0; i < n; i++) {
            RunDetails d = runs.get(i);
            ids.add(d.run().id());
            names.add(d.run().name() == null || d.run().name().isBlank() ? d.run().id().substring(0, 8)
                    : d.run().name());
            paramKeys.addAll(d.params().keySet());
            metricKeys.addAll(d.metrics().keySet());
            targetValues[i] = target.valueOf(d);
        }
        Map<String, ParamColumn> params = new LinkedHashMap<>();
        for (String key : paramKeys) {
            String[] raw = new String[n];
            for (int i = 0; i < n; i++) {
                raw[i] = runs.get(i).params().get(key);
            }
            params.put(key, ParamColumn.ofRaw(key, raw));
        }
        Map<String, ParamColumn> metrics = new LinkedHashMap<>();
        for (String key : metricKeys) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                MetricSummary s = runs.get(i).metrics().get(key);
                values[i] = s == null ? Double.NaN : s.get(target.aggregate());
            }
            metrics.put(key, ParamColumn.ofNumbers(key, values));
        }
        return new SweepTable(List.copyOf(ids), List.copyOf(names), target,
                ParamColumn.ofNumbers(target.label(), targetValues), Collections.unmodifiableMap(params),
                Collections.unmodifiableMap(metrics));
    }

    public int size() {
        return runIds.size();
    }

    public List<String> runIds() {
        return runIds;
    }

    public List<String> runNames() {
        return runNames;
    }

    public Target target() {
        return target;
    }

    /** The target per run (NaN when the run lacks the metric). */
    public ParamColumn targetColumn() {
        return targetColumn;
    }

    public Map<String, ParamColumn> params() {
        return params;
    }

    public Map<String, ParamColumn> metrics() {
        return metrics;
    }

    /**
     * Param names that vary across the runs that have the target (across all runs when none has it): the ones
     * shown by default. A param logged only by runs without the target (e.g. a sweep's parent) is left out.
     */
    public List<String> varyingParams() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (!targetColumn.isMissing(i)) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return params.values().stream().filter(c -> !c.isConstant()).map(ParamColumn::name).toList();
        }
        List<String> out = new ArrayList<>();
        for (ParamColumn c : params.values()) {
            java.util.Set<String> values = new java.util.HashSet<>();
            for (int i : rows) {
                values.add(c.text(i));
                if (values.size() > 1) {
                    out.add(c.name());
                    break;
                }
            }
        }
        return out;
    }

    /** A param or metric column by name (params first). */
    public Optional<ParamColumn> column(String name) {
        ParamColumn c = params.get(name);
        return Optional.ofNullable(c != null ? c : metrics.get(name));
    }
}
