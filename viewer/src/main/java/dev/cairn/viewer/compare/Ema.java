package dev.cairn.viewer.compare;

/**
 * TensorBoard's scalar smoothing: a debiased exponential moving average. With weight {@code w} the running value is
 * {@code last = w * last + (1 - w) * y}, divided by {@code 1 - w^n} (n = finite points so far) so the start is not
 * pulled towards 0. Non-finite points pass through unchanged; a constant series is returned as is.
 */
public final class Ema {
    /** The largest weight the UI offers. */
    public static final double MAX_WEIGHT = 0.999;

    private Ema() {
    }

    /** The smoothed copy of {@code values}; weight 0 returns an equal copy. */
    public static double[] smooth(double[] values, double weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("smoothing weight must be within 0..0.999, was " + weight);
        }
        double[] out = values.clone();
        if (weight == 0 || values.length == 0 || isConstant(values)) {
            return out;
        }
        double last = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double y = values[i];
            if (!Double.isFinite(y)) {
                continue;
            }
            last = last * weight + (1 - weight) * y;
            n++;
            out[i] = last / (1 - Math.pow(weight, n));
        }
        return out;
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }
}
