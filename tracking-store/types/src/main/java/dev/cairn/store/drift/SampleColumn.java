package dev.cairn.store.drift;

/**
 * The sampled values of one column, in sample row order.
 *
 * @param numbers numeric and date-time columns: the values, NaN for missing; null otherwise
 * @param labels  categorical and boolean columns: the values, null for missing; null otherwise
 */
public record SampleColumn(String name, ColumnType type, ColumnRole role, double[] numbers, String[] labels) {

    /** The number of sampled rows. */
    public int size() {
        return numbers != null ? numbers.length : labels.length;
    }
}
