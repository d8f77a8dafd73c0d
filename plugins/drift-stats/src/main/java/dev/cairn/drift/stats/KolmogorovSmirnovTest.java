package dev.cairn.drift.stats;

import dev.cairn.drift.stats.math.TwoSampleKolmogorov;
import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.nio.DoubleBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Two-sample two-sided Kolmogorov–Smirnov test, matching {@code scipy.stats.ks_2samp(a, b)} with
 * its defaults ({@code alternative='two-sided', method='auto'}).
 *
 * <p>The statistic is the largest gap between the two empirical CDFs, found in one merge pass over
 * the two sorted samples (O(n1 + n2), no allocation; the O(n log n) sort is done once by
 * {@link ColumnSample}). The p-value is exact when {@code max(n1, n2) <= 10000}
 * ({@link TwoSampleKolmogorov#exactSf}) and asymptotic otherwise
 * ({@link TwoSampleKolmogorov#asymptoticSf}); if the exact computation fails numerically it falls
 * back to asymptotic, like SciPy. Drift when {@code p < threshold}; score is the p-value.
 */
public final class KolmogorovSmirnovTest implements DriftTest {

    /** Largest sample size for which SciPy's 'auto' mode computes the exact p-value. */
    public static final int MAX_EXACT_N = 10_000;

    @Override
    public String id() {
        return "ks";
    }

    @Override
    public String displayName() {
        return "K-S p-value";
    }

    @Override
    public Set<ColumnKind> supports() {
        return EnumSet.of(ColumnKind.NUMERIC, ColumnKind.DATETIME);
    }

    @Override
    public boolean isDistance() {
        return false;
    }

    @Override
    public double defaultThreshold() {
        return 0.05;
    }

    @Override
    public DriftResult test(ColumnSample reference, ColumnSample current, double threshold) {
        Samples.check(this, reference, current, threshold);
        Samples.requireValues(this, reference);
        Samples.requireValues(this, current);
        Outcome o = compute(reference.sortedValues(), current.sortedValues());
        return DriftResult.ofPValue(id(), o.pValue(), threshold,
                "D=" + o.statistic() + (o.exact() ? " (exact p-value)" : " (asymptotic p-value)"));
    }

    /**
     * Runs the test on two sorted samples.
     *
     * @param a first sample, ascending, non-empty
     * @param b second sample, ascending, non-empty
     * @return statistic, p-value and which method produced it
     */
    public static Outcome compute(DoubleBuffer a, DoubleBuffer b) {
        int n1 = a.limit();
        int n2 = b.limit();
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("KS needs two non-empty samples");
        }
        double d = statistic(a, b);
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            double p = TwoSampleKolmogorov.exactSf(n1, n2, d);
            d = TwoSampleKolmogorov.latticeStatistic(n1, n2, d);
            if (!Double.isNaN(p)) {
                return new Outcome(d, p, true);
            }
        }
        return new Outcome(d, TwoSampleKolmogorov.asymptoticSf(n1, n2, d), false);
    }

    /**
     * The two-sided statistic {@code max |F1(x) - F2(x)|} over all observed x, with each CDF value
     * computed as {@code count / n} in double, as SciPy does.
     *
     * @param a first sample, ascending
     * @param b second sample, ascending
     * @return the statistic
     */
    public static double statistic(DoubleBuffer a, DoubleBuffer b) {
        int n1 = a.limit();
        int n2 = b.limit();
        int i = 0;
        int j = 0;
        double maxDiff = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        while (i < n1 || j < n2) {
            double v;
            if (j >= n2) {
                v = a.get(i);
            } else if (i >= n1) {
                v = b.get(j);
            } else {
                v = Math.min(a.get(i), b.get(j));
            }
            while (i < n1 && a.get(i) <= v) {
                i++;
            }
            while (j < n2 && b.get(j) <= v) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            maxDiff = Math.max(maxDiff, diff);
            minDiff = Math.min(minDiff, diff);
        }
        double minS = Math.min(1.0, Math.max(0.0, -minDiff));
        return minS > maxDiff ? minS : maxDiff;
    }

    /**
     * @param statistic the KS statistic D (snapped to the lattice when exact)
     * @param pValue    the two-sided p-value
     * @param exact     whether the exact distribution was used
     */
    public record Outcome(double statistic, double pValue, boolean exact) {
    }
}
