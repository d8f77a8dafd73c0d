package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.model.MetricSummary;

import java.util.Arrays;
import java.util.Optional;

/**
 * Decides from a stored series' summary alone (count, last step, last timestamp) what a re-imported series adds,
 * so a re-import of an append-only source (MLflow metric files, event files) never reads the stored points. The
 * source must look like "the stored points, then newer ones": as many points as stored up to a point at the
 * stored last step and timestamp, every later point after it, and no earlier point after the stored last.
 * Anything else (fewer points, duplicates, rewritten history) gives empty, and the caller reads the stored series
 * and dedupes exactly.
 */
final class StoredTail {
    private StoredTail() {
    }

    /** The new points of {@code incoming} given the stored {@code summary}, or empty when unsure. */
    static Optional<ImportedSeries> newPoints(ImportedSeries incoming, MetricSummary summary) {
        if (summary == null) {
            return Optional.empty();
        }
        long count = summary.count();
        int n = incoming.size();
        if (count <= 0 || n < count) {
            return Optional.empty();
        }
        int last = (int) count - 1;
        long[] steps = incoming.steps();
        long[] ts = incoming.timestamps();
        if (steps[last] != summary.lastStep() || ts[last] != summary.lastTimestamp()) {
            return Optional.empty();
        }
        for (int i = 0; i < last; i++) {
            if (after(steps[i], ts[i], summary) || steps[i] > steps[i + 1]) {
                return Optional.empty();
            }
        }
        for (int i = last + 1; i < n; i++) {
            if (!after(steps[i], ts[i], summary) || steps[i] < steps[i - 1]) {
                return Optional.empty();
            }
        }
        if (n == count) {
            return Optional.of(new ImportedSeries(incoming.key(), new long[0], new long[0], new double[0]));
        }
        return Optional.of(new ImportedSeries(incoming.key(), Arrays.copyOfRange(steps, last + 1, n),
                Arrays.copyOfRange(ts, last + 1, n), Arrays.copyOfRange(incoming.values(), last + 1, n)));
    }

    /** True when (step, timestamp) comes strictly after the stored last point. */
    private static boolean after(long step, long timestamp, MetricSummary s) {
        return step > s.lastStep() || (step == s.lastStep() && timestamp > s.lastTimestamp());
    }
}
