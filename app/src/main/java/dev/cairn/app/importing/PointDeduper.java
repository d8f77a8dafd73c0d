package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.series.MetricSeries;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the points of a series that are not exact duplicates (same step, timestamp and value bits) of a point
 * stored before or earlier in the same series. Keeps the source's order. Fast path for the usual case: steps
 * strictly increasing and nothing stored yet.
 */
final class PointDeduper {
    private record Point(long step, long timestamp, long bits) {
    }

    private PointDeduper() {
    }

    /** The new points of {@code incoming}, given what is {@code stored} (null or empty for a new series). */
    static ImportedSeries newPoints(ImportedSeries incoming, MetricSeries stored) {
        long[] steps = incoming.steps();
        if ((stored == null || stored.isEmpty()) && strictlyIncreasing(steps)) {
            return incoming;
        }
        if (stored != null && sameAsStored(incoming, stored)) {
            return new ImportedSeries(incoming.key(), new long[0], new long[0], new double[0]);
        }
        Set<Point> seen = new HashSet<>();
        if (stored != null) {
            for (int i = 0; i < stored.size(); i++) {
                seen.add(new Point(stored.steps()[i], stored.timestamps()[i],
                        Double.doubleToRawLongBits(stored.values()[i])));
            }
        }
        int n = incoming.size();
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (seen.add(new Point(steps[i], incoming.timestamps()[i],
                    Double.doubleToRawLongBits(incoming.values()[i])))) {
                keep[i] = true;
                kept++;
            }
        }
        if (kept == n) {
            return incoming;
        }
        long[] s = new long[kept];
        long[] t = new long[kept];
        double[] v = new double[kept];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                s[j] = steps[i];
                t[j] = incoming.timestamps()[i];
                v[j] = incoming.values()[i];
                j++;
            }
        }
        return new ImportedSeries(incoming.key(), s, t, v);
    }

    /** True when {@code incoming} is exactly the stored series, point by point in stored order (a re-import). */
    private static boolean sameAsStored(ImportedSeries incoming, MetricSeries stored) {
        int n = stored.size();
        if (incoming.size() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (incoming.steps()[i] != stored.steps()[i] || incoming.timestamps()[i] != stored.timestamps()[i]
                    || Double.doubleToRawLongBits(incoming.values()[i])
                    != Double.doubleToRawLongBits(stored.values()[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyIncreasing(long[] steps) {
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
