package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportedSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects points per metric key, in first-seen key order, each key in a {@link SeriesBuffer}. */
public final class SeriesCollector {
    private final Map<String, SeriesBuffer> byKey = new LinkedHashMap<>();

    public void add(String key, long step, long timestamp, double value) {
        byKey.computeIfAbsent(key, k -> new SeriesBuffer()).add(step, timestamp, value);
    }

    public List<ImportedSeries> series() {
        List<ImportedSeries> out = new ArrayList<>();
        byKey.forEach((key, buffer) -> out.add(buffer.toSeries(key)));
        return out;
    }
}
