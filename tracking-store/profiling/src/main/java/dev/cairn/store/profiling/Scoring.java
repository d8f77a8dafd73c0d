package dev.cairn.store.profiling;

import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetFormatException;
import dev.cairn.store.profiling.performance.BatchScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up the monitoring scorer of a dataset from its columns: the prediction column scores the dataset's own
 * version; other columns named {@code <prediction>@<N>} (and {@code <score>@<N>}) score version N as challengers.
 */
final class Scoring {
    private static final Pattern VERSIONED = Pattern.compile("(.+)@(\\d+)");

    private Scoring() {
    }

    /** The scorer, or null when the dataset has no prediction and label columns. */
    static BatchScorer scorer(String source, List<String> header, ColumnAccumulator[] columns, ProfileOptions options, int version,
                              int predictionIndex, int labelIndex) {
        if (predictionIndex < 0 || labelIndex < 0) {
            return null;
        }
        boolean labelNumeric = columns[labelIndex].type == ColumnType.NUMERIC;
        int scoreIndex = options.score() == null ? -1 : header.indexOf(options.score());
        if (scoreIndex >= 0 && columns[scoreIndex].type != ColumnType.NUMERIC) {
            throw new DatasetFormatException(source, 0, "the score column '" + options.score() + "' is "
                    + columns[scoreIndex].type.label() + ", not numeric (a probability of the positive class)");
        }
        List<BatchScorer.Predictor> predictors = new ArrayList<>();
        predictors.add(new BatchScorer.Predictor(version, options.prediction(), predictionIndex, scoreIndex,
                labelNumeric && columns[predictionIndex].type == ColumnType.NUMERIC));
        String base = base(options.prediction());
        String scoreBase = options.score() == null ? null : base(options.score());
        List<BatchScorer.Predictor> challengers = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Matcher m = VERSIONED.matcher(header.get(i));
            if (i == predictionIndex || !m.matches() || !m.group(1).equals(base)) {
                continue;
            }
            int other = Integer.parseInt(m.group(2));
            if (other == version) {
                continue;
            }
            int otherScore = scoreBase == null ? -1 : header.indexOf(scoreBase + "@" + other);
            challengers.add(new BatchScorer.Predictor(other, header.get(i), i, otherScore,
                    labelNumeric && columns[i].type == ColumnType.NUMERIC));
        }
        challengers.sort((a, b) -> Integer.compare(a.version(), b.version()));
        predictors.addAll(challengers);
        int[] segments = options.segments().stream().mapToInt(header::indexOf).toArray();
        String positive = options.positive();
        if (positive != null && columns[labelIndex].type == ColumnType.BOOLEAN && Values.parseBoolean(positive) != null) {
            positive = Values.parseBoolean(positive);
        } else if (positive != null && labelNumeric && !Double.isNaN(Values.parseNumber(positive))) {
            positive = canonical(Values.parseNumber(positive));
        }
        return new BatchScorer(labelIndex, predictors, positive, options.segments(), segments);
    }

    /** @return true when the column name ends in an {@code @N} version suffix */
    static boolean isVersioned(String column) {
        return VERSIONED.matcher(column).matches();
    }

    /** The column name without an {@code @N} version suffix. */
    static String base(String column) {
        Matcher m = VERSIONED.matcher(column);
        return m.matches() ? m.group(1) : column;
    }

    /** The class text of a number: integers without a fraction ("1", not "1.0"), others as Java prints them. */
    static String canonical(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
