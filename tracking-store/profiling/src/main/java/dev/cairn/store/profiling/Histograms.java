package dev.cairn.store.profiling;

import dev.cairn.store.drift.NumericProfile;

import java.util.Arrays;

/** Quantiles and histograms of a numeric column from its reservoir sample. */
public final class Histograms {
    /** Bins per numeric histogram. */
    static final int BINS = 20;

    private Histograms() {
    }

    static NumericProfile summarise(double min, double max, double mean, double std, long present,
                                    double[] sample, int sampleSize) {
        double[] values = finiteSorted(sample, sampleSize);
        double[] q = new double[NumericProfile.QUANTILE_LEVELS.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantile(values, NumericProfile.QUANTILE_LEVELS[i]);
        }
        q[0] = min;
        q[q.length - 1] = max;
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            edges[i] = i == BINS ? max : min + (max - min) * i / BINS;
        }
        long[] counts = new long[BINS];
        double width = max - min;
        for (double v : values) {
            int b = width == 0 ? 0 : (int) ((v - min) / width * BINS);
            counts[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        if (values.length > 0 && values.length < present) {
            double scale = (double) present / values.length;
            for (int i = 0; i < BINS; i++) {
                counts[i] = Math.round(counts[i] * scale);
            }
        }
        return new NumericProfile(min, max, mean, std, q, edges, counts);
    }

    static double[] finiteSorted(double[] sample, int size) {
        double[] out = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(sample[i])) {
                out[n++] = sample[i];
            }
        }
        out = n == size ? out : Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Linear interpolation between closest ranks (NumPy's default). */
    static double quantile(double[] sorted, double level) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = level * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
