package dev.cairn.plugin.importer;

/** One metric's points as read from a source, in columns of equal length (any order; duplicates allowed). */
public record ImportedSeries(String key, long[] steps, long[] timestamps, double[] values) {
    public ImportedSeries {
        if (steps.length != timestamps.length || steps.length != values.length) {
            throw new IllegalArgumentException("series " + key + ": columns differ in length");
        }
    }

    /** Number of points. */
    public int size() {
        return steps.length;
    }
}
