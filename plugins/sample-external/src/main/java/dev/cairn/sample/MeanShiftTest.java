package dev.cairn.sample;

import dev.cairn.plugin.drift.ColumnKind;
import dev.cairn.plugin.drift.ColumnSample;
import dev.cairn.plugin.drift.DriftResult;
import dev.cairn.plugin.drift.DriftTest;

import java.nio.DoubleBuffer;
import java.util.Set;

/**
 * A sample external drift test: how far the current mean moved, in reference standard deviations. Shows that
 * users can add their own statistics next to the built-in ones.
 */
public final class MeanShiftTest implements DriftTest {
    @Override
    public String id() {
        return "mean-shift";
    }

    @Override
    public String displayName() {
        return "mean shift (in reference std)";
    }

    @Override
    public Set<ColumnKind> supports() {
        return Set.of(ColumnKind.NUMERIC);
    }

    @Override
    public boolean isDistance() {
        return true;
    }

    @Override
    public double defaultThreshold() {
        return 0.5;
    }

    @Override
    public DriftResult test(ColumnSample reference, ColumnSample current, double threshold) {
        if (reference.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("mean shift needs values on both sides");
        }
        double[] ref = moments(reference.sortedValues());
        double[] cur = moments(current.sortedValues());
        double shift = Math.abs(cur[0] - ref[0]) / Math.max(ref[1], 1e-12);
        return DriftResult.ofDistance(id(), shift, threshold, null);
    }

    private static double[] moments(DoubleBuffer values) {
        double sum = 0;
        double sumSq = 0;
        int n = values.remaining();
        for (int i = 0; i < n; i++) {
            double v = values.get(values.position() + i);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean))};
    }
}
