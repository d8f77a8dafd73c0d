package dev.cairn.store.log;

import java.util.Arrays;

/** Growable column buffer of metric points for one key of one run; not thread-safe (guarded by its owner). */
final class SeriesBuffer {
    long[] steps = new long[64];
    long[] timestamps = new long[64];
    double[] values = new double[64];
    int size;
    long nextStep;

    void add(long step, long timestamp, double value) {
        if (size == steps.length) {
            int capacity = size * 2;
            steps = Arrays.copyOf(steps, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        steps[size] = step;
        timestamps[size] = timestamp;
        values[size] = value;
        size++;
        nextStep = Math.max(nextStep, step + 1);
    }

    /** Moves this buffer's points to a new buffer and empties this one (keeps the step counter). */
    SeriesBuffer drain() {
        SeriesBuffer out = new SeriesBuffer();
        out.steps = steps;
        out.timestamps = timestamps;
        out.values = values;
        out.size = size;
        steps = new long[Math.max(64, Math.min(size, 1 << 16))];
        timestamps = new long[steps.length];
        values = new double[steps.length];
        size = 0;
        return out;
    }

    /** Puts back points that could not be written, before any points added since. */
    void restore(SeriesBuffer earlier) {
        SeriesBuffer later = drain();
        for (int i = 0; i < earlier.size; i++) {
            add(earlier.steps[i], earlier.timestamps[i], earlier.values[i]);
        }
        for (int i = 0; i < later.size; i++) {
            add(later.steps[i], later.timestamps[i], later.values[i]);
        }
    }
}
