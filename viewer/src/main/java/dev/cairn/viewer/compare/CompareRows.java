package dev.cairn.viewer.compare;

import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.Formats;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds the rows of the side-by-side table from the compared runs' details: attributes, params, metrics, tags. */
public final class CompareRows {
    private final ZoneId zone;
    private final long nowMs;

    public CompareRows(ZoneId zone, long nowMs) {
        this.zone = zone;
        this.nowMs = nowMs;
    }

    /**
     * Every row: first the params and metrics whose values differ between the runs (a metric's last, min and max
     * rows stay together), then the attributes, then the params, metrics and tags that are the same; keys sorted
     * within a section.
     */
    public List<CompareRow> build(List<RunDetails> runs) {
        List<CompareRow> sections = bySection(runs);
        List<CompareRow> first = new ArrayList<>();
        List<CompareRow> rest = new ArrayList<>();
        for (CompareRow row : sections) {
            boolean leads = switch (row.kind()) {
                case PARAM -> row.differs();
                case METRIC -> sections.stream().anyMatch(r -> r.isMetric() && r.key().equals(row.key())
                        && r.differs());
                default -> false;
            };
            (leads ? first : rest).add(row);
        }
        first.addAll(rest);
        return first;
    }

    /** Every row in section order: attributes, params, metrics, tags. */
    private List<CompareRow> bySection(List<RunDetails> runs) {
        List<CompareRow> rows = new ArrayList<>();
        attribute(rows, runs, "Name", r -> Objects.toString(r.name(), ""));
        attribute(rows, runs, "Experiment", r -> Objects.toString(r.experimentName(), ""));
        attribute(rows, runs, "Status", r -> r.status().name());
        attribute(rows, runs, "Start", r -> Formats.dateTime(r.startMs(), zone));
        attribute(rows, runs, "Duration", r -> Formats.duration(r.durationMs(nowMs)));
        attribute(rows, runs, "User", r -> Objects.toString(r.user(), ""));
        attribute(rows, runs, "Source", r -> Objects.toString(r.sourceProgram(), ""));
        attribute(rows, runs, "Commit", r -> Objects.toString(r.sourceCommit(), ""));
        attribute(rows, runs, "Parent run", r -> Objects.toString(r.parentId(), ""));
        attribute(rows, runs, "Run id", Run::id);
        for (String key : keys(runs, RunDetails::params)) {
            rows.add(new CompareRow(RowKind.PARAM, key, key,
                    runs.stream().map(d -> d.params().getOrDefault(key, "")).toList(), new double[0]));
        }
        for (String key : keys(runs, RunDetails::metrics)) {
            for (MetricAggregate agg : MetricAggregate.values()) {
                double[] numbers = new double[runs.size()];
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    MetricSummary s = runs.get(i).metrics().get(key);
                    numbers[i] = s == null ? Double.NaN : s.get(agg);
                    texts.add(s == null ? "" : Formats.number(numbers[i]));
                }
                rows.add(new CompareRow(RowKind.METRIC, key, key + " · " + agg.label(), texts, numbers));
            }
        }
        for (String key : keys(runs, RunDetails::tags)) {
            rows.add(new CompareRow(RowKind.TAG, key, key,
                    runs.stream().map(d -> d.tags().getOrDefault(key, "")).toList(), new double[0]));
        }
        return rows;
    }

    private static void attribute(List<CompareRow> rows, List<RunDetails> runs, String label,
                                  Function<Run, String> value) {
        rows.add(new CompareRow(RowKind.ATTRIBUTE, "", label, runs.stream().map(d -> value.apply(d.run())).toList(),
                new double[0]));
    }

    private static TreeSet<String> keys(List<RunDetails> runs, Function<RunDetails, Map<String, ?>> map) {
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(d -> keys.addAll(map.apply(d).keySet()));
        return keys;
    }
}
