package dev.cairn.viewer.compare;

import java.util.Arrays;
import java.util.Collection;

/**
 * The y range that ignores outliers (as TensorBoard's option): from the 5th to the 95th percentile of the plotted
 * values, widened by 10% on each side.
 */
public final class OutlierRange {
    static final double LOW_QUANTILE = 0.05;
    static final double HIGH_QUANTILE = 0.95;

    private OutlierRange() {
    }

    /** {min, max}, or null when there are no finite values. */
    public static double[] of(Collection<double[]> series) {
        int total = 0;
        for (double[] s : series) {
            total += s.length;
        }
        double[] all = new double[total];
        int n = 0;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    all[n++] = v;
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double[] values = Arrays.copyOf(all, n);
        Arrays.sort(values);
        double lo = values[(int) Math.floor(LOW_QUANTILE * (n - 1))];
        double hi = values[(int) Math.ceil(HIGH_QUANTILE * (n - 1))];
        double pad = (hi - lo) * 0.1;
        if (pad == 0) {
            pad = Math.abs(hi) * 0.1 + 1e-9;
        }
        return new double[] {lo - pad, hi + pad};
    }
}
