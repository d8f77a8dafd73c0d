package dev.cairn.drift.stats.math;

/**
 * The exact one-sided Kolmogorov–Smirnov (Smirnov) survival function {@code P(D+_n >= e)}, by the
 * Birnbaum–Tingey formula
 * {@code e Σ_{v=0}^{⌊n(1-e)⌋} C(n,v) (e + v/n)^(v-1) (1 - e - v/n)^(n-v)}.
 *
 * <p>All terms are positive, so the sum itself is benign; the care goes into each term. A term can
 * be far below the smallest double in its factors while being representable itself (e.g.
 * {@code C(1000, 300) · 0.2^700}), so every term is evaluated in log space with the large parts
 * combined analytically,
 * {@code v log1p(en/v) + (n-v) log1p(-en/(n-v)) - log(e + v/n) + ½ log(n / (2π v (n-v)))
 * + δ(n) - δ(v) - δ(n-v)}, with δ Stirling's remainder, so nothing of size n log n cancels.
 */
public final class Smirnov {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private Smirnov() {
    }

    /**
     * @param n sample size, positive
     * @param e deviation in [0, 1]
     * @return {@code P(D+_n >= e)}
     */
    public static double sf(long n, double e) {
        if (!(n > 0 && e >= 0.0 && e <= 1.0)) {
            return Double.NaN;
        }
        if (e == 0.0) {
            return 1.0;
        }
        long nn = (long) Math.floor(n * (1.0 - e));
        double p = 0.0;
        double dn = Gamma.logFactorialTail(n);
        double en = e * n;
        for (long v = 0; v <= nn; v++) {
            double evn = e + (double) v / n;
            double omevn = 1.0 - evn;
            if (!(omevn > 0.0)) {
                continue;
            }
            double logTerm;
            if (v == 0) {
                logTerm = -Math.log(e) + n * Math.log1p(-e);
            } else {
                long w = n - v;
                logTerm = v * Math.log1p(en / v) + w * Math.log1p(-en / w) - Math.log(evn)
                        + 0.5 * (Math.log((double) n / ((double) v * w)) - LOG_TWO_PI)
                        + dn - Gamma.logFactorialTail(v) - Gamma.logFactorialTail(w);
            }
            if (logTerm > -745.0) {
                p += Math.exp(logTerm);
            }
        }
        return p * e;
    }
}
