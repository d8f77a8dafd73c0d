package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;

import java.util.HashMap;
import java.util.List;
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
 * @param score         the column with the predicted probability of the positive class, or null
 * @param positive      the positive class of a classification model, or null (then "1", "true" or the greater of
 *                      two classes; macro averages over classes when there are more than two)
 * @param segments      slice columns: performance is also computed per value of each
 */
public record ProfileOptions(Map<String, ColumnType> types, String prediction, String label, int reservoirSize,
                             long seed, String score, String positive, List<String> segments) {

    /** The default reservoir size. */
    public static final int DEFAULT_RESERVOIR = 100_000;

    /** Validates and copies. */
    public ProfileOptions {
        types = Map.copyOf(types);
        segments = List.copyOf(segments);
        if (reservoirSize < 1) {
            throw new IllegalArgumentException("reservoir size must be at least 1, was " + reservoirSize);
        }
        if (prediction != null && prediction.equals(label)) {
            throw new IllegalArgumentException("the prediction and the label column cannot both be '" + label + "'");
        }
        if (score != null && (score.equals(label) || score.equals(prediction))) {
            throw new IllegalArgumentException("the score column '" + score + "' cannot also be the label or the prediction");
        }
    }

    /** Options without score, positive class or segments. */
    public ProfileOptions(Map<String, ColumnType> types, String prediction, String label, int reservoirSize, long seed) {
        this(types, prediction, label, reservoirSize, seed, null, null, List.of());
    }

    /** Inferred types, no roles, a 100,000-row reservoir. */
    public static ProfileOptions defaults() {
        return new ProfileOptions(Map.of(), null, null, DEFAULT_RESERVOIR, 42L);
    }

    /** A copy with the type of {@code column} fixed. */
    public ProfileOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> t = new HashMap<>(types);
        t.put(Objects.requireNonNull(column), Objects.requireNonNull(type));
        return new ProfileOptions(t, prediction, label, reservoirSize, seed, score, positive, segments);
    }

    /** A copy with these types fixed (others keep theirs). */
    public ProfileOptions withTypes(Map<String, ColumnType> more) {
        Map<String, ColumnType> t = new HashMap<>(types);
        t.putAll(more);
        return new ProfileOptions(t, prediction, label, reservoirSize, seed, score, positive, segments);
    }

    /** A copy with the prediction column set (null for none). */
    public ProfileOptions withPrediction(String column) {
        return new ProfileOptions(types, column, label, reservoirSize, seed, score, positive, segments);
    }

    /** A copy with the label column set (null for none). */
    public ProfileOptions withLabel(String column) {
        return new ProfileOptions(types, prediction, column, reservoirSize, seed, score, positive, segments);
    }

    /** A copy with another reservoir size. */
    public ProfileOptions withReservoirSize(int size) {
        return new ProfileOptions(types, prediction, label, size, seed, score, positive, segments);
    }

    /** A copy with another seed. */
    public ProfileOptions withSeed(long newSeed) {
        return new ProfileOptions(types, prediction, label, reservoirSize, newSeed, score, positive, segments);
    }

    /** A copy with the score column (probability of the positive class) set (null for none). */
    public ProfileOptions withScore(String column) {
        return new ProfileOptions(types, prediction, label, reservoirSize, seed, column, positive, segments);
    }

    /** A copy with the positive class set (null: chosen from the labels). */
    public ProfileOptions withPositive(String value) {
        return new ProfileOptions(types, prediction, label, reservoirSize, seed, score, value, segments);
    }

    /** A copy with these slice columns. */
    public ProfileOptions withSegments(List<String> columns) {
        return new ProfileOptions(types, prediction, label, reservoirSize, seed, score, positive, columns);
    }

    /**
     * The role of a column: the label; the prediction and the score, and a challenger's {@code <prediction>@N} and
     * {@code <score>@N} (see {@link Scoring}) as model outputs; any other column is a feature.
     */
    ColumnRole roleOf(String column) {
        if (column.equals(label)) {
            return ColumnRole.LABEL;
        }
        if (isOutput(column, prediction)) {
            return ColumnRole.PREDICTION;
        }
        if (isOutput(column, score)) {
            return ColumnRole.SCORE;
        }
        return ColumnRole.FEATURE;
    }

    private static boolean isOutput(String column, String output) {
        return output != null && (column.equals(output)
                || (Scoring.isVersioned(column) && Scoring.base(column).equals(Scoring.base(output))));
    }
}
