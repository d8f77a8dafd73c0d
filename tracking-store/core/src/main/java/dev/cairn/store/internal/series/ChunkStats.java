package dev.cairn.store.internal.series;

/**
 * Summary of a run of points: step and time bounds, min and max value (NaN ignored; NaN when all are NaN), and
 * the last point by {@link PointOrder}. Mergeable, so chunk summaries roll up into series summaries.
 */
public final class ChunkStats {
    long count;
    long minStep = Long.MAX_VALUE;
    long maxStep = Long.MIN_VALUE;
    long minTs = Long.MAX_VALUE;
    long maxTs = Long.MIN_VALUE;
    double min = Double.NaN;
    double max = Double.NaN;
    long lastStep;
    long lastTs;
    double last = Double.NaN;

    /** Stats of {@code len} points starting at {@code off}. */
    public static ChunkStats of(long[] steps, long[] timestamps, double[] values, int off, int len) {
        ChunkStats s = new ChunkStats();
        for (int i = off; i < off + len; i++) {
            s.add(steps[i], timestamps[i], values[i]);
        }
        return s;
    }

    public void add(long step, long ts, double value) {
        if (count == 0 || PointOrder.isAfter(step, ts, value, lastStep, lastTs, last)) {
            lastStep = step;
            lastTs = ts;
            last = value;
        }
        count++;
        minStep = Math.min(minStep, step);
        maxStep = Math.max(maxStep, step);
        minTs = Math.min(minTs, ts);
        maxTs = Math.max(maxTs, ts);
        if (!Double.isNaN(value)) {
            min = Double.isNaN(min) ? value : Math.min(min, value);
            max = Double.isNaN(max) ? value : Math.max(max, value);
        }
    }

    /** Folds in a summary of other points. */
    public void merge(long n, double otherMin, double otherMax, long otherLastStep, long otherLastTs,
                      double otherLast) {
        if (n == 0) {
            return;
        }
        if (count == 0 || PointOrder.isAfter(otherLastStep, otherLastTs, otherLast, lastStep, lastTs, last)) {
            lastStep = otherLastStep;
            lastTs = otherLastTs;
            last = otherLast;
        }
        count += n;
        if (!Double.isNaN(otherMin)) {
            min = Double.isNaN(min) ? otherMin : Math.min(min, otherMin);
        }
        if (!Double.isNaN(otherMax)) {
            max = Double.isNaN(max) ? otherMax : Math.max(max, otherMax);
        }
    }

    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double last() {
        return last;
    }

    public long lastStep() {
        return lastStep;
    }

    public long lastTimestamp() {
        return lastTs;
    }
}
