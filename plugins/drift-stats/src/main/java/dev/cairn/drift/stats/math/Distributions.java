package dev.cairn.drift.stats.math;

/**
 * Tail functions of the normal and chi-squared distributions, built on {@link Gamma}.
 */
public final class Distributions {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Distributions() {
    }

    /**
     * The complementary error function via {@code erfc(x) = Q(½, x²)} for {@code x >= 0}.
     *
     * @param x argument
     * @return {@code erfc(x)}
     */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        return Gamma.regularizedQ(0.5, x * x);
    }

    /**
     * The standard normal distribution function Φ(z).
     *
     * @param z argument
     * @return {@code P(Z <= z)}
     */
    public static double normalCdf(double z) {
        return z >= 0 ? 1.0 - 0.5 * erfc(z * SQRT_HALF) : 0.5 * erfc(-z * SQRT_HALF);
    }

    /**
     * The chi-squared survival function {@code P(X > x)} with {@code df} degrees of freedom.
     *
     * @param x  the statistic, non-negative (+∞ gives 0)
     * @param df degrees of freedom, positive
     * @return the upper tail probability
     */
    public static double chiSquaredSf(double x, double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("chi-squared needs df > 0, was " + df);
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedQ(df / 2.0, x / 2.0);
    }
}
