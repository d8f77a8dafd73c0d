package dev.cairn.store.monitoring;

import java.util.Locale;

/** What an alert rule watches. */
public enum RuleKind {
    /** A performance metric of the whole batch (accuracy, f1, rmse, ...). */
    METRIC,
    /** The share of drifted columns of the batch. */
    DRIFT_SHARE,
    /** The gap of a metric between the best and the worst slice of a segment. */
    SLICE_GAP;

    /** Lower-case name as stored and printed: "metric", "drift_share", "slice_gap". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleKind parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
