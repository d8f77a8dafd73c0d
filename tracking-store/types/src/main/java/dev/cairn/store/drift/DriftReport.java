package dev.cairn.store.drift;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The drift of every batch of a model version against its reference. Plain data: it is computed by the drift
 * tests one level up ({@code dev.cairn.plugin.drift.DriftReporter}) and read by the CLI and the viewer.
 *
 * @param referenceRows rows of the reference dataset
 * @param batches       one entry per batch, oldest first
 */
public record DriftReport(String model, int version, long referenceRows, List<Batch> batches) {

    /** Copies the list. */
    public DriftReport {
        batches = List.copyOf(batches);
    }

    /** The newest batch, if any. */
    public Optional<Batch> latest() {
        return batches.isEmpty() ? Optional.empty() : Optional.of(batches.get(batches.size() - 1));
    }

    /**
     * The drift of one batch.
     *
     * @param datasetDrift   true when at least the model's share of feature columns drifted
     * @param driftShare     drifted feature columns / tested feature columns
     * @param driftedColumns drifted feature columns
     * @param testedColumns  feature columns that could be tested
     * @param performance    accuracy or RMSE of the batch, when it has prediction and label columns
     * @param columns        one entry per reference column except the label, in reference order
     */
    public record Batch(long datasetId, Instant time, long rows, boolean datasetDrift, double driftShare,
                        int driftedColumns, int testedColumns, Optional<DatasetProfile.Performance> performance,
                        List<Column> columns) {

        /** Copies the list. */
        public Batch {
            columns = List.copyOf(columns);
        }

        /** The result for the column named {@code name}, if any. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /**
     * The drift of one column in one batch.
     *
     * @param test      the drift test id, or null when the column could not be tested
     * @param score     the p-value (p-value tests) or the distance (distance tests); NaN when untested
     * @param pValue    the p-value, null for distance tests
     * @param threshold the threshold the verdict used
     * @param distance  true for a distance test (drift when score &ge; threshold), false for a p-value test
     * @param message   why the column was not tested or a remark of the test, or null
     */
    public record Column(String name, ColumnType type, ColumnRole role, String test, double score, Double pValue,
                         double threshold, boolean distance, boolean drifted, String message) {

        /** Largest {@link #severity()} reported. */
        public static final double MAX_SEVERITY = 10.0;

        /**
         * The score normalised to its threshold: 1 at the threshold, above 1 when drifted, 0 for no sign of drift.
         * Distances give {@code score / threshold}; p-values {@code ln p / ln threshold}. Capped at
         * {@link #MAX_SEVERITY}; 0 when untested.
         */
        public double severity() {
            if (test == null || Double.isNaN(score) || threshold <= 0) {
                return 0.0;
            }
            double s;
            if (distance) {
                s = score / threshold;
            } else if (score <= 0) {
                s = MAX_SEVERITY;
            } else {
                s = threshold >= 1 ? 0.0 : Math.log(score) / Math.log(threshold);
            }
            return Math.max(0.0, Math.min(MAX_SEVERITY, s));
        }
    }
}
