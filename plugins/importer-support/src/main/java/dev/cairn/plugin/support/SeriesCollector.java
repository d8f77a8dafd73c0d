package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportedSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects points per metric key, in first-seen key order. */
public final class SeriesCollector {
    private final Map<String, Columns> byKey = new LinkedHashMap<>();

    public void add(String key, long step, long timestamp, double value) {
        byKey.computeIfAbsent(key, k -> new Columns()).add(step, timestamp, value);
    }

    public List<ImportedSeries> series() {
        List<ImportedSeries> out = new ArrayList<>();
        byKey.forEach((key, c) -> out.add(new ImportedSeries(key, Arrays.copyOf(c.steps, c.size),
                Arrays.copyOf(c.timestamps, c.size), Arrays.copyOf(c.values, c.size))));
        return out;
    }

    private static final class Columns {
        long[] steps = new long[16];
        long[] timestamps = new long[16];
        double[] values = new double[16];
        int size;

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
    }
}
