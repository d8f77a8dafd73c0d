package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportedSeries;

import java.util.Arrays;

/** Growable columns for one metric's points while reading rows. */
final class SeriesBuffer {
    private final String key;
    private long[] steps = new long[16];
    private long[] timestamps = new long[16];
    private double[] values = new double[16];
    private int size;

    SeriesBuffer(String key) {
        this.key = key;
    }

    void add(long step, long timestamp, double value) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            timestamps = Arrays.copyOf(timestamps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = step;
        timestamps[size] = timestamp;
        values[size] = value;
        size++;
    }

    ImportedSeries build() {
        return new ImportedSeries(key, Arrays.copyOf(steps, size), Arrays.copyOf(timestamps, size),
                Arrays.copyOf(values, size));
    }
}
