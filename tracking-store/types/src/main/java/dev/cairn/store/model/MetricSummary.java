package dev.cairn.store.model;

/**
 * Aggregates of one metric of one run, kept up to date on every write so tables never read series.
 * {@code last} is the value at the highest step (ties: latest timestamp, then largest value), as MLflow's
 * latest metrics. {@code min} and {@code max} ignore NaN (NaN when every point is NaN).
 */
public record MetricSummary(String key, double last, double min, double max, long count, long lastStep,
                            long lastTimestamp) {

    /** The aggregate a table column shows. */
    public double get(MetricAggregate aggregate) {
        return switch (aggregate) {
            case LAST -> last;
            case MIN -> min;
            case MAX -> max;
        };
    }
}
