package dev.cairn.viewer.compare;

import java.util.List;
import java.util.Objects;

/**
 * One row of the side-by-side table: a label and one text per compared run (empty when the run lacks the key).
 * Metric rows also carry the numbers (NaN when missing) so deltas against the reference run can be shown.
 *
 * @param key      the param, tag or metric key ("" for attributes)
 * @param label    what the first column shows, e.g. {@code loss · last}
 * @param values   one text per run, in the order of the compared runs
 * @param numbers  one number per run for metric rows; empty for other rows
 */
public record CompareRow(RowKind kind, String key, String label, List<String> values, double[] numbers) {

    public CompareRow {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
    }

    public boolean isMetric() {
        return kind == RowKind.METRIC;
    }

    /** True when the runs do not all show the same text (a missing value differs from any present one). */
    public boolean differs() {
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).equals(values.get(0))) {
                return true;
            }
        }
        return false;
    }
}
