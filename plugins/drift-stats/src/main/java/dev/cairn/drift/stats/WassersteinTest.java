package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;
import java.nio.DoubleBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * First Wasserstein (earth mover's) distance normed by the reference standard deviation, as
 * Evidently's {@code wasserstein} stat test:
 * {@code scipy.stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)}.
 *
 * <p>The distance is {@code ∫ |F_ref(x) - F_cur(x)| dx}, summed exactly over the gaps between
 * consecutive values in one merge pass; {@code np.std} is the population standard deviation
 * (ddof = 0). Sums are compensated (Neumaier). Drift when {@code score >= threshold}; no p-value.
 */
public final class WassersteinTest implements DriftTest {

    /** Lower bound of the norm, so a constant reference does not divide by zero. */
    public static final double MIN_NORM = 0.001;

    @Override
    public String id() {
        return "wasserstein";
    }

    @Override
    public String displayName() {
        return "Wasserstein distance (normed)";
    }

    @Override
    public Set<ColumnKind> supports() {
        return EnumSet.of(ColumnKind.NUMERIC, ColumnKind.DATETIME);
    }

    @Override
    public boolean isDistance() {
        return true;
    }

    @Override
    public double defaultThreshold() {
        return 0.1;
    }

    @Override
    public DriftResult test(ColumnSample reference, ColumnSample current, double threshold) {
        Samples.check(this, reference, current, threshold);
        Samples.requireValues(this, reference);
        Samples.requireValues(this, current);
        DoubleBuffer ref = reference.sortedValues();
        double distance = distance(ref, current.sortedValues());
        double std = populationStd(ref);
        return DriftResult.ofDistance(id(), distance / Math.max(std, MIN_NORM), threshold,
                "W1=" + distance + ", reference std=" + std);
    }

    /**
     * @param u first sample, ascending, non-empty
     * @param v second sample, ascending, non-empty
     * @return the first Wasserstein distance between the two empirical distributions
     */
    public static double distance(DoubleBuffer u, DoubleBuffer v) {
        int n1 = u.limit();
        int n2 = v.limit();
        int i = 0;
        int j = 0;
        NeumaierSum sum = new NeumaierSum();
        while (i < n1 || j < n2) {
            double x;
            if (j >= n2) {
                x = u.get(i);
            } else if (i >= n1) {
                x = v.get(j);
            } else {
                x = Math.min(u.get(i), v.get(j));
            }
            while (i < n1 && u.get(i) <= x) {
                i++;
            }
            while (j < n2 && v.get(j) <= x) {
                j++;
            }
            if (i == n1 && j == n2) {
                break;
            }
            double next;
            if (j >= n2) {
                next = u.get(i);
            } else if (i >= n1) {
                next = v.get(j);
            } else {
                next = Math.min(u.get(i), v.get(j));
            }
            sum.add(Math.abs((double) i / n1 - (double) j / n2) * (next - x));
        }
        return sum.value();
    }

    /**
     * @param values the sample, non-empty
     * @return the population standard deviation (numpy's {@code np.std}, ddof = 0), two-pass
     */
    public static double populationStd(DoubleBuffer values) {
        int n = values.limit();
        NeumaierSum s = new NeumaierSum();
        for (int k = 0; k < n; k++) {
            s.add(values.get(k));
        }
        double mean = s.value() / n;
        NeumaierSum sq = new NeumaierSum();
        for (int k = 0; k < n; k++) {
            double d = values.get(k) - mean;
            sq.add(d * d);
        }
        return Math.sqrt(sq.value() / n);
    }
}
