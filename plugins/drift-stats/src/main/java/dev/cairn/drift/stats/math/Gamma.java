package dev.cairn.drift.stats.math;

/**
 * The log-gamma function and the regularized incomplete gamma functions P(a, x) and Q(a, x).
 *
 * <p>Log-gamma uses Stirling's series for {@code x >= 10} and the recurrence
 * {@code Γ(x) = Γ(x + k) / (x (x+1) ... (x+k-1))} below. P and Q follow Numerical Recipes
 * (§6.2) / Cephes {@code igam}: the power series for {@code x < a + 1} and the modified-Lentz
 * continued fraction otherwise, each taken to full double precision, the other function by
 * complement. The common prefactor {@code x^a e^-x / Γ(a)} is evaluated, for {@code a >= 10},
 * as {@code exp(a (log1p(t) - t) + ½ log(a / 2π) - stirlingTail(a))} with {@code t = (x - a) / a}
 * (or {@code a log(x/a) - (x - a)} in place of {@code a (log1p(t) - t)} when {@code |t| >= ½}),
 * so that large, nearly equal terms never cancel.
 */
public final class Gamma {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double EPS = 0x1p-53;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final double STIRLING_MIN = 10.0;

    private Gamma() {
    }

    /**
     * Stirling's remainder {@code δ(x) = lnΓ(x) - ((x - ½) ln x - x + ½ ln 2π)} for {@code x >= 10}.
     *
     * @param x argument, at least 10
     * @return the remainder
     */
    public static double stirlingTail(double x) {
        double r = 1.0 / x;
        double r2 = r * r;
        return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
                + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
    }

    /**
     * @param x a positive argument
     * @return {@code ln Γ(x)}
     */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, was " + x);
        }
        if (x >= STIRLING_MIN) {
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingTail(x);
        }
        double product = 1.0;
        double y = x;
        while (y < STIRLING_MIN) {
            product *= y;
            y += 1.0;
        }
        return logGamma(y) - Math.log(product);
    }

    /**
     * Stirling's remainder for {@code ln n!}: {@code ln n! - (n ln n - n + ½ ln(2πn))}, n &ge; 1.
     *
     * @param n a positive integer
     * @return the remainder
     */
    public static double logFactorialTail(long n) {
        if (n >= STIRLING_MIN) {
            return stirlingTail(n);
        }
        double f = 1.0;
        for (long k = 2; k <= n; k++) {
            f *= k;
        }
        return Math.log(f) - (n * Math.log(n) - n + HALF_LOG_TWO_PI + 0.5 * Math.log(n));
    }

    /**
     * The regularized lower incomplete gamma function.
     *
     * @param a shape, positive
     * @param x argument, non-negative
     * @return {@code P(a, x)}
     */
    public static double regularizedP(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return x < a + 1 ? series(a, x) : 1.0 - continuedFraction(a, x);
    }

    /**
     * The regularized upper incomplete gamma function.
     *
     * @param a shape, positive
     * @param x argument, non-negative
     * @return {@code Q(a, x) = 1 - P(a, x)}
     */
    public static double regularizedQ(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return x < a + 1 ? 1.0 - series(a, x) : continuedFraction(a, x);
    }

    private static void check(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x >= 0, was a=" + a
                    + ", x=" + x);
        }
    }

    /** {@code x^a e^-x / Γ(a)}, computed without cancellation for large a. */
    static double prefactor(double a, double x) {
        if (a >= STIRLING_MIN) {
            double t = (x - a) / a;
            double core = Math.abs(t) < 0.5 ? a * (Math.log1p(t) - t) : a * Math.log(x / a) - (x - a);
            return Math.exp(core + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingTail(a));
        }
        return Math.exp(a * Math.log(x) - x - logGamma(a));
    }

    private static double series(double a, double x) {
        double ap = a;
        double term = 1.0 / a;
        double sum = term;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                return sum * prefactor(a, x);
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    private static double continuedFraction(double a, double x) {
        double b = x + 1.0 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < EPS) {
                return h * prefactor(a, x);
            }
        }
        throw new ArithmeticException("incomplete gamma continued fraction did not converge for a=" + a
                + ", x=" + x);
    }
}
