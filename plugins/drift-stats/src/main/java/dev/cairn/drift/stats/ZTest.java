package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided Z-test for the difference of two proportions, as Evidently's {@code z} stat test
 * ({@code proportions_diff_z_stat_ind} + {@code proportions_diff_z_test}).
 *
 * <p>The first category in sorted order is "0" and every other category "1"; with
 * {@code p1, p2} the shares of "1" in reference and current and {@code P} the pooled share,
 * {@code z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2))} and {@code p = 2 (1 - Φ(|z|))}. When both
 * samples hold the same single category, p = 1. Meant for one or two categories; with more it
 * tests the first category against the rest, like Evidently. Φ is Apache Commons Statistics'
 * {@link NormalDistribution}. Drift when {@code p < threshold};
 * score is the p-value.
 */
public final class ZTest implements DriftTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    @Override
    public String id() {
        return "ztest";
    }

    @Override
    public String displayName() {
        return "Z-test p-value";
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
        TreeSet<String> keys = new TreeSet<>(reference.counts().keySet());
        keys.addAll(current.counts().keySet());
        if (keys.size() == 1) {
            return DriftResult.ofPValue(id(), 1.0, threshold, "both samples hold the single category '"
                    + keys.first() + "'");
        }
        String first = keys.first();
        long n1 = reference.sampleSize();
        long n2 = current.sampleSize();
        long ones1 = n1 - reference.counts().getOrDefault(first, 0L);
        long ones2 = n2 - current.counts().getOrDefault(first, 0L);
        double z = statistic(ones1, n1, ones2, n2);
        double p = 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
        return DriftResult.ofPValue(id(), p, threshold, "z=" + z);
    }

    /**
     * @param ones1 successes in the reference
     * @param n1    reference size
     * @param ones2 successes in the current sample
     * @param n2    current size
     * @return the pooled two-proportion z statistic
     */
    static double statistic(long ones1, long n1, long ones2, long n2) {
        double p1 = (double) ones1 / n1;
        double p2 = (double) ones2 / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        return (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    }
}
