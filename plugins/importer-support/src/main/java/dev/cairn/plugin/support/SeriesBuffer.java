package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportedSeries;

import java.util.Arrays;

/**
 * Growable columns (step, timestamp, value) of one metric while a file or table is read: primitive arrays doubled
 * when full, copied to their size once by {@link #toSeries}. The one buffer every importer collects points in.
 */
public final class SeriesBuffer {
    private long[] steps;
    private long[] timestamps;
    private double[] values;
    private int size;

    /** An empty buffer for 16 points (it grows as needed). */
    public SeriesBuffer() {
        this(16);
    }

    /** An empty buffer sized for about {@code capacity} points (it grows as needed). */
    public SeriesBuffer(int capacity) {
        int c = Math.max(1, capacity);
        steps = new long[c];
        timestamps = new long[c];
        values = new double[c];
    }

    /** Appends one point. */
    public void add(long step, long timestamp, double value) {
        if (size == steps.length) {
            int grown = size * 2;
            steps = Arrays.copyOf(steps, grown);
            timestamps = Arrays.copyOf(timestamps, grown);
            values = Arrays.copyOf(values, grown);
        }
        steps[size] = step;
        timestamps[size] = timestamp;
        values[size] = value;
        size++;
    }

    /** The number of points added. */
    public int size() {
        return size;
    }

    /** The points added, in order, as the series {@code key}. */
    public ImportedSeries toSeries(String key) {
        return new ImportedSeries(key, Arrays.copyOf(steps, size), Arrays.copyOf(timestamps, size),
                Arrays.copyOf(values, size));
    }
}
