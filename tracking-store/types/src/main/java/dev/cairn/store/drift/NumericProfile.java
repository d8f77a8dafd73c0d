package dev.cairn.store.drift;

/**
 * Summary of a numeric or date-time column. {@code min}, {@code max}, {@code mean} and {@code std} (sample
 * standard deviation, n − 1) are exact over every row; quantiles and histogram are computed from the reservoir sample,
 * so they are exact whenever the dataset fits the sample.
 *
 * @param quantiles       values at {@link #QUANTILE_LEVELS}
 * @param histogramEdges  {@code bins + 1} ascending bin edges
 * @param histogramCounts {@code bins} counts, scaled to the column's row count
 */
public record NumericProfile(double min, double max, double mean, double std, double[] quantiles,
                             double[] histogramEdges, long[] histogramCounts) {

    /** The quantile levels stored per numeric column. */
    public static final double[] QUANTILE_LEVELS = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0};

    /** The median (quantile 0.5). */
    public double median() {
        return quantiles.length == QUANTILE_LEVELS.length ? quantiles[3] : Double.NaN;
    }
}
