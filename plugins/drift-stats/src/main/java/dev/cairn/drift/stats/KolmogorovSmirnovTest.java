package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.nio.DoubleBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Two-sample two-sided Kolmogorov–Smirnov test, matching {@code scipy.stats.ks_2samp(a, b)} with
 * its defaults ({@code alternative='two-sided', method='auto'}).
 *
 * <p>Apache Commons Statistics' {@link org.apache.commons.statistics.inference.KolmogorovSmirnovTest}
 * computes it: the exact p-value when {@code max(n1, n2) <= 10000} (SciPy's 'auto' switch), else the
 * asymptotic one, which both libraries take from the one-sample distribution at
 * {@code round(n1 n2 / (n1 + n2))}; statistic and p-value agree with SciPy to 1e-13 on the committed vectors.
 * Commons needs two values per sample; a sample of one value is handled here in closed form (the rank of the
 * single value among all {@code m + 1} is uniform under the null hypothesis). Drift when {@code p < threshold};
 * score is the p-value.
 */
public final class KolmogorovSmirnovTest implements DriftTest {

    /** Largest sample size for which SciPy's 'auto' mode computes the exact p-value. */
    public static final int MAX_EXACT_N = 10_000;

    private static final org.apache.commons.statistics.inference.KolmogorovSmirnovTest EXACT =
            org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT);
    private static final org.apache.commons.statistics.inference.KolmogorovSmirnovTest ASYMPTOTIC =
            org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC);

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
        boolean exact = Math.max(n1, n2) <= MAX_EXACT_N;
        if (n1 == 1 || n2 == 1) {
            return single(n1 == 1 ? a.get(0) : b.get(0), n1 == 1 ? b : a, exact);
        }
        var result = (exact ? EXACT : ASYMPTOTIC).test(array(a), array(b));
        return new Outcome(result.getStatistic(), result.getPValue(), exact);
    }

    /**
     * One value {@code x} against {@code m} values: {@code D = max(below, m - atOrBelow) / m} (the gap just before x
     * and at x); exactly, {@link #singleExactSf}; asymptotically (SciPy's one-sample distribution at n = 1)
     * {@code min(1, 2 (1 - d))}.
     */
    private static Outcome single(double x, DoubleBuffer others, boolean exact) {
        int m = others.limit();
        int below = 0;
        while (below < m && others.get(below) < x) {
            below++;
        }
        int atOrBelow = below;
        while (atOrBelow < m && others.get(atOrBelow) <= x) {
            atOrBelow++;
        }
        long h = Math.max(below, m - atOrBelow);
        double d = (double) h / m;
        return exact ? new Outcome(d, singleExactSf(m, h), true) : new Outcome(d, Math.min(1.0, 2 * (1 - d)), false);
    }

    /**
     * The exact {@code P(D >= h / m)} of one value against {@code m}: under the null hypothesis the rank r of the
     * single value among all {@code m + 1} is uniform, and {@code D = max(r, m - r) / m}.
     *
     * @param m the other sample's size
     * @param h the statistic times m
     * @return the p-value
     */
    static double singleExactSf(int m, long h) {
        long reach = 0;
        for (long r = 0; r <= m; r++) {
            if (Math.max(r, m - r) >= h) {
                reach++;
            }
        }
        return (double) reach / (m + 1);
    }

    private static double[] array(DoubleBuffer buffer) {
        double[] out = new double[buffer.limit()];
        buffer.get(0, out);
        return out;
    }

    /**
     * @param statistic the KS statistic D (snapped to the lattice when exact)
     * @param pValue    the two-sided p-value
     * @param exact     whether the exact distribution was used
     */
    public record Outcome(double statistic, double pValue, boolean exact) {
    }
}
