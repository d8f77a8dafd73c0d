package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How rows are profiled: type overrides (else inferred from the first rows), the prediction and label columns,
 * the reservoir size and its random seed.
 *
 * @param types         column types that override inference, by column name
 * @param prediction    the prediction column, or null
 * @param label         the label (ground truth) column, or null
 * @param reservoirSize at most this many rows are kept as the random sample
 * @param seed          seed of the reservoir's random choice (same input and seed, same sample)
 */
public record ProfileOptions(Map<String, ColumnType> types, String prediction, String label, int reservoirSize,
                             long seed) {

    /** The default reservoir size. */
    public static final int DEFAULT_RESERVOIR = 100_000;

    /** Validates and copies. */
    public ProfileOptions {
        types = Map.copyOf(types);
        if (reservoirSize < 1) {
            throw new IllegalArgumentException("reservoir size must be at least 1, was " + reservoirSize);
        }
        if (prediction != null && prediction.equals(label)) {
            throw new IllegalArgumentException("the prediction and the label column cannot both be '" + label + "'");
        }
    }

    /** Inferred types, no roles, a 100,000-row reservoir. */
    public static ProfileOptions defaults() {
        return new ProfileOptions(Map.of(), null, null, DEFAULT_RESERVOIR, 42L);
    }

    /** A copy with the type of {@code column} fixed. */
    public ProfileOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> t = new HashMap<>(types);
        t.put(Objects.requireNonNull(column), Objects.requireNonNull(type));
        return new ProfileOptions(t, prediction, label, reservoirSize, seed);
    }

    /** A copy with these types fixed (others keep theirs). */
    public ProfileOptions withTypes(Map<String, ColumnType> more) {
        Map<String, ColumnType> t = new HashMap<>(types);
        t.putAll(more);
        return new ProfileOptions(t, prediction, label, reservoirSize, seed);
    }

    /** A copy with the prediction column set (null for none). */
    public ProfileOptions withPrediction(String column) {
        return new ProfileOptions(types, column, label, reservoirSize, seed);
    }

    /** A copy with the label column set (null for none). */
    public ProfileOptions withLabel(String column) {
        return new ProfileOptions(types, prediction, column, reservoirSize, seed);
    }

    /** A copy with another reservoir size. */
    public ProfileOptions withReservoirSize(int size) {
        return new ProfileOptions(types, prediction, label, size, seed);
    }

    /** A copy with another seed. */
    public ProfileOptions withSeed(long newSeed) {
        return new ProfileOptions(types, prediction, label, reservoirSize, newSeed);
    }

    ColumnRole roleOf(String column) {
        if (column.equals(prediction)) {
            return ColumnRole.PREDICTION;
        }
        if (column.equals(label)) {
            return ColumnRole.LABEL;
        }
        return ColumnRole.FEATURE;
    }
}
