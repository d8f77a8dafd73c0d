package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.importer.ImportedSeries;

import java.util.Arrays;

/** Growable columns (step, timestamp, value) of one scalar tag while a run's event files are read. */
final class SeriesBuffer {
    private long[] steps = new long[64];
    private long[] timestamps = new long[64];
    private double[] values = new double[64];
    private int size;

    void add(long step, long timestamp, double value) {
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

    int size() {
        return size;
    }

    ImportedSeries toSeries(String key) {
        return new ImportedSeries(key, Arrays.copyOf(steps, size), Arrays.copyOf(timestamps, size),
                Arrays.copyOf(values, size));
    }
}
