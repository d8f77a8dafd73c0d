package dev.cairn.drift.stats.math;

import java.util.Arrays;

/**
 * The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic {@code D_n}: the
 * survival function {@code P(D_n > x)}, i.e. SciPy's {@code scipy.stats.kstwo.sf(x, n)}.
 *
 * <p>Follows Simard &amp; L'Ecuyer (2011) with the same case split as SciPy's {@code _kolmogn}:
 * Ruben–Gambino closed forms for {@code nx <= 1} and {@code nx >= n - 1}; {@code 2·smirnov(n, x)}
 * for {@code x >= 0.5}; for {@code n <= 140} the Durbin matrix (Marsaglia–Tsang–Wang) when
 * {@code nx² <= 0.754693}, Pomeranz's recursion when {@code nx² <= 4}, else {@code 2·smirnov};
 * for {@code n > 140}: 0 when {@code nx² >= 370}, {@code 2·smirnov} when {@code nx² >= 2.2},
 * else one minus the CDF from the Durbin matrix when {@code n <= 100000} and
 * {@code n x^1.5 <= 1.4}, or from the Pelz–Good asymptotic series otherwise. The choice of method
 * matters where an approximation (Pelz–Good, {@code 2·smirnov}) is used, so it is SciPy's.
 */
public final class Kolmogorov {

    private static final int E128 = 128;
    private static final double EP128 = 0x1p128;
    private static final double EM128 = 0x1p-128;
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double MIN_LOG = -708;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private Kolmogorov() {
    }

    /**
     * @param n sample size, positive
     * @param x the statistic
     * @return {@code P(D_n > x)}, clipped to [0, 1]
     */
    public static double sf(long n, double x) {
        if (n <= 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                double f = (1.0 / n) * (2 * t - 1);
                for (long i = 1; i <= n; i++) {
                    prob *= i * f;
                }
            } else {
                prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * Smirnov.sf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - durbinMatrixCdf(n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - pomeranzCdf((int) n, x));
            }
            return clip(2 * Smirnov.sf(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * Smirnov.sf(n, x));
        }
        double cdf;
        if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbinMatrixCdf(n, x);
        } else {
            cdf = pelzGoodCdf(n, x);
        }
        return clip(1.0 - cdf);
    }

    private static double clip(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    static double logNFactorialDivNPowN(long n) {
        double rn = 1.0 / n;
        double u = rn / n;
        double poly = 0.0;
        for (double c : STIRLING) {
            poly = poly * u + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** {@code P(D_n <= d)} by the Durbin matrix, with the Marsaglia–Tsang–Wang scaling. */
    static double durbinMatrixCdf(long n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }

        double[][] power = identity(m);
        long nn = n;
        int exponent = 0;
        int hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                scale(hm, EM128);
                hExponent += E128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                exponent -= E128;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return clip(p);
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int l = 0; l < m; l++) {
                double ail = ai[l];
                if (ail == 0.0) {
                    continue;
                }
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    ci[j] += ail * bl[j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** {@code P(D_n <= x)} by Pomeranz's recursion (used for n &lt;= 140). */
    static double pomeranzCdf(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] jj = pomeranzJ1J2(0, n, ll, ceilf, roundf);
        int j1 = jj[0];
        int j2 = jj[1];
        double[] conv = new double[2 * npwrs];
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] tmp = v0;
            v0 = v1;
            v1 = tmp;
            int tmps = v0s;
            v0s = v1s;
            v1s = tmps;
            Arrays.fill(v1, 0.0);
            jj = pomeranzJ1J2(i, n, ll, ceilf, roundf);
            j1 = jj[0];
            j2 = jj[1];
            double[] pwrs;
            if (i == 1 || i == 2 * n + 1) {
                pwrs = gpower;
            } else {
                pwrs = i % 2 == 1 ? twogpower : onem2gpower;
            }
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int off = k1 - v0s;
                int len1 = Math.min(ln2, npwrs - off);
                int len2 = Math.min(ln2, npwrs);
                int convLen = len1 + len2 - 1;
                for (int c = 0; c < convLen; c++) {
                    double s = 0.0;
                    int lo = Math.max(0, c - len2 + 1);
                    int hi = Math.min(c, len1 - 1);
                    for (int a = lo; a <= hi; a++) {
                        s += v0[off + a] * pwrs[c - a];
                    }
                    conv[c] = s;
                }
                int convStart = j1 - k1;
                int useLen = j2 - j1 + 1;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < useLen; c++) {
                    v1[c] = conv[convStart + c];
                }
                for (double value : v1) {
                    max = Math.max(max, value);
                }
                if (0 < max && max < EM128) {
                    for (int c = 0; c < v1.length; c++) {
                        v1[c] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return clip(ans);
    }

    /** The Pelz–Good approximation to {@code P(D_n <= x)}. */
    static double pelzGoodCdf(long n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);

        double[] kk = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--) {
            double m = 2 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * k);
            kk[0] = kk[0] * qpower + 1.0;
            kk[1] = kk[1] * qpower + (k1a + k1b * m2);
            kk[2] = kk[2] * qpower + (k2a + k2b * m2 + k2c * m4);
            kk[3] = kk[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            kk[i] = kk[i] * q * SQRT2PI / div[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = SQRT3 * z;
        double k2extra = 0.0;
        double k3extra = 0.0;
        for (int k = maxk; k > 0; k--) {
            double k2 = (double) k * k;
            double qp = Math.pow(q2, k2);
            k2extra += k2 * qp;
            double kspi = Math.PI * k;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * k2 * qp;
        }
        kk[2] += k2extra * (PI2 * SQRT2PI / (-36 * z3));
        kk[3] += k3extra * (PI2 * SQRT2PI / (216 * z6));
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += kk[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }
}
