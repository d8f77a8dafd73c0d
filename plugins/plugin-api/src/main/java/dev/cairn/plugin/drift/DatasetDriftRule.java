package dev.cairn.plugin.drift;

import java.util.Collection;

/**
 * Decides whether a whole data set drifted from its per-column results: it did when the share of
 * drifted columns is at least {@link #share()} (Evidently's {@code drift_share}, default 0.5).
 *
 * @param share the minimum share of drifted columns, in (0, 1]
 */
public record DatasetDriftRule(double share) {

    /** Evidently's default: the data set drifted when at least half of the columns drifted. */
    public static final DatasetDriftRule DEFAULT = new DatasetDriftRule(0.5);

    /** Validates the share. */
    public DatasetDriftRule {
        if (!(share > 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
    }

    /**
     * @param columnResults one result per tested column
     * @return the number of drifted columns, the number tested and the verdict
     */
    public Verdict evaluate(Collection<DriftResult> columnResults) {
        int drifted = 0;
        for (DriftResult r : columnResults) {
            if (r.drifted()) {
                drifted++;
            }
        }
        int total = columnResults.size();
        double observedShare = total == 0 ? 0.0 : (double) drifted / total;
        return new Verdict(drifted, total, observedShare, total > 0 && observedShare >= share);
    }

    /**
     * The data-set verdict.
     *
     * @param driftedColumns number of drifted columns
     * @param totalColumns   number of tested columns
     * @param share          {@code driftedColumns / totalColumns} (0 when no column was tested)
     * @param drifted        whether the data set drifted
     */
    public record Verdict(int driftedColumns, int totalColumns, double share, boolean drifted) {
    }
}
