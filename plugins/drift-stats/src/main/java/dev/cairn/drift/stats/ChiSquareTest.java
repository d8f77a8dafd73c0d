package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Pearson's chi-squared goodness-of-fit test as Evidently's {@code chisquare} stat test uses it.
 *
 * <p>Over the union of categories, the expected frequency of each category is its reference count
 * scaled to the current total ({@code f_exp = ref_count · n_cur / n_ref}); the statistic is
 * {@code Σ (f_obs - f_exp)² / f_exp} and the p-value the chi-squared survival function with
 * {@code k - 1} degrees of freedom, like {@code scipy.stats.chisquare(f_obs, f_exp)}. A category
 * seen only in the current sample has {@code f_exp = 0}, so the statistic is +∞ and p = 0 (as in
 * SciPy). With a single category SciPy returns NaN (zero degrees of freedom); this test returns
 * p = 1 with a message instead. Numeric samples are tested on their distinct values. Apache Commons Statistics'
 * {@link org.apache.commons.statistics.inference.ChiSquareTest} (which rescales the expected counts to the
 * observed total the same way) computes statistic and p-value; they agree with SciPy to 1e-12 on the committed
 * vectors.
 * Drift when {@code p < threshold}; score is the p-value.
 */
public final class ChiSquareTest implements DriftTest {

    @Override
    public String id() {
        return "chisquare";
    }

    @Override
    public String displayName() {
        return "chi-square p-value";
    }

    @Override
    public Set<ColumnKind> supports() {
        return EnumSet.allOf(ColumnKind.class);
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
        Frequencies f = Frequencies.of(reference, current);
        if (f.size() < 2) {
            return DriftResult.ofPValue(id(), 1.0, threshold,
                    "only one category in both samples; nothing can differ");
        }
        if (unseenInReference(f)) {
            return DriftResult.ofPValue(id(), 0.0, threshold, "chi2=Infinity, df=" + (f.size() - 1)
                    + " (a category absent from the reference)");
        }
        SignificanceResult r = COMMONS.test(expected(f), f.current());
        return DriftResult.ofPValue(id(), r.getPValue(), threshold, "chi2=" + r.getStatistic() + ", df=" + (f.size() - 1));
    }

    private static final org.apache.commons.statistics.inference.ChiSquareTest COMMONS =
            org.apache.commons.statistics.inference.ChiSquareTest.withDefaults();

    /**
     * @param f aligned counts
     * @return the chi-squared statistic with Evidently's expected frequencies (+∞ when a category is absent from
     *         the reference)
     */
    static double statistic(Frequencies f) {
        return unseenInReference(f) ? Double.POSITIVE_INFINITY : COMMONS.statistic(expected(f), f.current());
    }

    private static boolean unseenInReference(Frequencies f) {
        for (long count : f.reference()) {
            if (count == 0) {
                return true;
            }
        }
        return false;
    }

    /** The reference counts, which Commons scales to the current total ({@code f_exp = ref · n_cur / n_ref}). */
    private static double[] expected(Frequencies f) {
        double[] out = new double[f.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.reference()[i];
        }
        return out;
    }
}
