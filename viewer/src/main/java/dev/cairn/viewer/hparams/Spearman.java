package dev.cairn.viewer.hparams;

import java.util.Arrays;
import java.util.Comparator;

/** Spearman rank correlation: Pearson correlation of the ranks, tied values sharing their average rank. */
public final class Spearman {
    private Spearman() {
    }

    /**
     * The correlation of {@code x} and {@code y} over the pairs where both are present (not NaN); NaN when fewer
     * than 3 such pairs or when either side is constant.
     */
    public static double of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        int n = 0;
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                xs[n] = x[i];
                ys[n] = y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        return pearson(ranks(Arrays.copyOf(xs, n)), ranks(Arrays.copyOf(ys, n)));
    }

    /** 1-based ranks; ties get the average of the ranks they span. */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        if (va == 0 || vb == 0) {
            return Double.NaN;
        }
        return cov / Math.sqrt(va * vb);
    }
}
