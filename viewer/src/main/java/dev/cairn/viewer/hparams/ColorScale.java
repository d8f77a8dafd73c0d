package dev.cairn.viewer.hparams;

import javafx.scene.paint.Color;

/**
 * The viridis colour scale (dark purple → blue → green → yellow), readable on light and dark backgrounds and in
 * grey scale. Plots map the target so that yellow is always the best end.
 */
public final class ColorScale {
    private static final double[][] STOPS = {
            {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
            {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441},
            {0.478, 0.821, 0.318}, {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}};

    private ColorScale() {
    }

    /** Colour at {@code t} in 0..1 (clamped). */
    public static Color color(double t) {
        double[] rgb = rgb(t);
        return Color.color(rgb[0], rgb[1], rgb[2]);
    }

    /** Premultiplied ARGB at {@code t} with the given opacity, for {@link LineRaster}. */
    public static int argbPremultiplied(double t, double alpha) {
        double[] rgb = rgb(t);
        int a = (int) Math.round(alpha * 255);
        return a << 24 | (int) Math.round(rgb[0] * a) << 16 | (int) Math.round(rgb[1] * a) << 8
                | (int) Math.round(rgb[2] * a);
    }

    /** Premultiplied ARGB of a plain colour. */
    public static int argbPremultiplied(Color c, double alpha) {
        int a = (int) Math.round(alpha * c.getOpacity() * 255);
        return a << 24 | (int) Math.round(c.getRed() * a) << 16 | (int) Math.round(c.getGreen() * a) << 8
                | (int) Math.round(c.getBlue() * a);
    }

    private static double[] rgb(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        double[] a = STOPS[i];
        double[] b = STOPS[i + 1];
        return new double[] {a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f};
    }

    /**
     * Colour positions by rank: 0 = worst run, 1 = best run under {@code goal}, ties sharing a rank, NaN for
     * missing values. Rank colouring keeps the scale readable when a few outliers (e.g. a failed run) would
     * squeeze every other run into one colour.
     */
    public static double[] rankFractions(ParamColumn column, Goal goal) {
        int n = column.size();
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (!column.isMissing(i)) {
                present++;
            }
        }
        double[] values = new double[present];
        int[] rows = new int[present];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!column.isMissing(i)) {
                values[k] = column.number(i);
                rows[k++] = i;
            }
        }
        double[] ranks = Spearman.ranks(values);
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        for (int j = 0; j < present; j++) {
            double t = present == 1 ? 0.5 : (ranks[j] - 1) / (present - 1);
            out[rows[j]] = goal == Goal.MAXIMISE ? t : 1 - t;
        }
        return out;
    }

    /**
     * Where a target value sits on the scale: 0 = worst, 1 = best of {@code lo..hi} under {@code goal}; NaN when
     * the value is missing.
     */
    public static double fraction(double value, double lo, double hi, Goal goal) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
        return goal == Goal.MAXIMISE ? t : 1 - t;
    }
}
