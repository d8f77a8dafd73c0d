package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.NumericProfile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Running statistics and the reservoir slots of one column while its rows stream by. */
public final class ColumnAccumulator {
    final String name;
    final ColumnType type;
    final ColumnRole role;
    long present;
    long missing;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;
    private final HashMap<String, long[]> counts;
    private long other;
    final double[] sampleNumbers;
    final String[] sampleLabels;

    ColumnAccumulator(String name, ColumnType type, ColumnRole role, int reservoir) {
        this.name = name;
        this.type = type;
        this.role = role;
        if (type.isNumeric()) {
            counts = null;
            sampleNumbers = new double[reservoir];
            sampleLabels = null;
        } else {
            counts = new HashMap<>();
            sampleNumbers = null;
            sampleLabels = new String[reservoir];
        }
    }

    void addNumber(double v) {
        if (Double.isNaN(v)) {
            missing++;
            return;
        }
        present++;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        double delta = v - mean;
        mean += delta / present;
        m2 += delta * (v - mean);
    }

    void addLabel(String v) {
        if (v == null) {
            missing++;
            return;
        }
        present++;
        long[] c = counts.get(v);
        if (c != null) {
            c[0]++;
        } else if (counts.size() < ColumnProfile.MAX_TRACKED_VALUES) {
            counts.put(v, new long[] {1});
        } else {
            other++;
        }
    }

    ColumnProfile profile(int sampleSize) {
        if (!type.isNumeric()) {
            Map<String, Long> out = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[0], a[0]))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.put(e.getKey(), e.getValue()[0]));
            return new ColumnProfile(name, type, role, present, missing, null, out, other);
        }
        if (present == 0) {
            return new ColumnProfile(name, type, role, 0, missing, null, Map.of(), 0);
        }
        double std = present > 1 ? Math.sqrt(m2 / (present - 1)) : 0.0;
        NumericProfile numeric = Histograms.summarise(min, max, mean, std, present, sampleNumbers, sampleSize);
        return new ColumnProfile(name, type, role, present, missing, numeric, Map.of(), 0);
    }
}
