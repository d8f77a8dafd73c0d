package dev.cairn.drift.stats.math;

import java.util.Arrays;

/**
 * The null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, as
 * {@code scipy.stats.ks_2samp} computes it.
 *
 * <p>{@link #exactSf} counts lattice paths (Hodges 1958): for equal sizes the alternating
 * binomial series in Horner form; otherwise the "inside" recursion computing {@code 1 - p}
 * directly (Viehmann 2021), column by column over a sliding window, O(max(n1,n2) · window).
 * {@link #asymptoticSf} is Smirnov's limit as SciPy applies it: the exact one-sample
 * distribution {@link Kolmogorov#sf} at {@code n = round(n1 n2 / (n1 + n2))} (half to even).
 */
public final class TwoSampleKolmogorov {

    private TwoSampleKolmogorov() {
    }

    /**
     * The exact p-value {@code P(D >= d)} under the null hypothesis.
     *
     * @param n1 first sample size
     * @param n2 second sample size
     * @param d  the observed statistic
     * @return the p-value, or NaN if the computation left [0, 1] (caller falls back to asymptotic)
     */
    public static double exactSf(int n1, int n2, double d) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * (long) n2;
        long h = (long) Math.rint(d * lcm);
        if (h == 0) {
            return 1.0;
        }
        double prob = n1 == n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
        return prob >= 0 && prob <= 1 ? prob : Double.NaN;
    }

    /**
     * The statistic as the exact method sees it: {@code round(d · lcm) / lcm}.
     *
     * @param n1 first sample size
     * @param n2 second sample size
     * @param d  the observed statistic
     * @return d snapped to the lattice of attainable values
     */
    public static double latticeStatistic(int n1, int n2, double d) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * (long) n2;
        long h = (long) Math.rint(d * lcm);
        return h * 1.0 / lcm;
    }

    /**
     * Smirnov's asymptotic p-value.
     *
     * @param n1 first sample size
     * @param n2 second sample size
     * @param d  the observed statistic
     * @return {@code kstwo.sf(d, round(n1 n2 / (n1 + n2)))}
     */
    public static double asymptoticSf(long n1, long n2, double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        long rounded = (long) Math.rint(en);
        if (rounded <= 0) {
            return 1.0;
        }
        if (d <= 0.5 / rounded) {
            return 1.0;
        }
        return Kolmogorov.sf(rounded, d);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static double probOutsideSquare(long n, long h) {
        double p = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    static double outerProbInside(long m, long n, long g, long h) {
        if (m < n) {
            long t = m;
            m = n;
            n = t;
        }
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min((long) Math.ceil((double) h / mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        for (long j = minj; j < maxj; j++) {
            a[(int) j] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                long end = Math.min(maxj - minj + (lastlen - curlen), lenA);
                for (long x = maxj - minj; x < end; x++) {
                    a[(int) x] = 1.0;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }
}
