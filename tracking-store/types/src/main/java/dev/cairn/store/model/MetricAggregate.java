package dev.cairn.store.model;

import java.util.Locale;

/** Which per-run aggregate of a metric to show, filter or sort by. */
public enum MetricAggregate {
    LAST, MIN, MAX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
