package dev.cairn.store.series;

/**
 * Points of one metric of one run, in columns, ordered by step (then timestamp; insertion order for ties).
 * The arrays are owned by this object; do not modify them.
 */
public record MetricSeries(String key, long[] steps, long[] timestamps, double[] values) {

    public int size() {
        return steps.length;
    }

    public boolean isEmpty() {
        return steps.length == 0;
    }
}
