package dev.cairn.viewer.hparams;

/**
 * Interpolates scattered (x, y, z) points onto a regular grid by inverse-distance weighting (power 2): each cell
 * is the average of the points weighted by 1 / distance², distances measured after scaling both axes to 0..1
 * (in log10 when an axis is logarithmic). A cell on a point takes that point's value.
 */
public final class GridInterpolation {
    private GridInterpolation() {
    }

    /** The interpolated surface: {@code z[row][column]} at {@code (xs[column], ys[row])}. */
    public record Grid(double[] xs, double[] ys, double[][] z) {
    }

    /** Interpolates onto {@code nx × ny} cells spanning the points' range; log axes need positive values. */
    public static Grid idw(double[] x, double[] y, double[] z, int nx, int ny, boolean logX, boolean logY) {
        if (x.length == 0 || x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException("need the same number (> 0) of x, y and z values");
        }
        double[] u = scaled(x, logX);
        double[] v = scaled(y, logY);
        double[] xs = axis(x, nx, logX);
        double[] ys = axis(y, ny, logY);
        double[] gu = scaled(xs, logX, x, logX);
        double[] gv = scaled(ys, logY, y, logY);
        double[][] grid = new double[ny][nx];
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                double sumW = 0;
                double sum = 0;
                double exact = Double.NaN;
                for (int i = 0; i < z.length; i++) {
                    double du = gu[c] - u[i];
                    double dv = gv[r] - v[i];
                    double d2 = du * du + dv * dv;
                    if (d2 < 1e-18) {
                        exact = z[i];
                        break;
                    }
                    double w = 1 / d2;
                    sumW += w;
                    sum += w * z[i];
                }
                grid[r][c] = Double.isNaN(exact) ? sum / sumW : exact;
            }
        }
        return new Grid(xs, ys, grid);
    }

    private static double[] axis(double[] values, int n, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : values) {
            double t = log ? Math.log10(d) : d;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1);
            out[i] = log ? Math.pow(10, t) : t;
        }
        return out;
    }

    private static double[] scaled(double[] values, boolean log) {
        return scaled(values, log, values, log);
    }

    /** {@code values} mapped to 0..1 over the range of {@code reference}. */
    private static double[] scaled(double[] values, boolean log, double[] reference, boolean refLog) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : reference) {
            double t = refLog ? Math.log10(d) : d;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        double span = hi > lo ? hi - lo : 1;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((log ? Math.log10(values[i]) : values[i]) - lo) / span;
        }
        return out;
    }
}
