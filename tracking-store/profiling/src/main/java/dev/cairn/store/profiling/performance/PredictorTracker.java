package dev.cairn.store.profiling.performance;

import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.monitoring.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams one prediction column against the label: the whole batch and every value of every segment column.
 * Whether the model is a regression is decided at the end: both columns numeric, no score and no positive class
 * given, and not every value 0 or 1.
 */
public final class PredictorTracker {
    /** The slice value of rows whose segment cell is missing. */
    public static final String MISSING = "(missing)";

    private final int version;
    private final String column;
    private final boolean numeric;
    private final String positive;
    private final boolean scored;
    private final List<String> segments;
    private final SliceCell overall;
    private final List<Map<String, SliceCell>> slices;
    private boolean zeroOne = true;

    /**
     * @param numeric  true when both the label and this prediction column hold numbers
     * @param positive the positive class given by the user, or null
     * @param scored   true when a score column goes with this prediction
     * @param segments the segment column names, in the order their values are given to {@link #add}
     */
    public PredictorTracker(int version, String column, boolean numeric, String positive, boolean scored,
                            List<String> segments) {
        this.version = version;
        this.column = column;
        this.numeric = numeric;
        this.positive = positive;
        this.scored = scored;
        this.segments = List.copyOf(segments);
        this.overall = new SliceCell(numeric);
        this.slices = segments.stream().map(s -> (Map<String, SliceCell>) new TreeMap<String, SliceCell>()).toList();
    }

    /**
     * Adds one row: label and prediction as text (null when missing; numbers in canonical text) and as numbers (NaN
     * when missing or not numeric), the score (NaN when none) and the row's segment values (null when missing).
     */
    public void add(String label, double labelNumber, String prediction, double predictionNumber, double score,
                    String[] segmentValues) {
        boolean labelled = label != null && prediction != null;
        if (labelled && zeroOne && numeric) {
            zeroOne = isZeroOne(labelNumber) && isZeroOne(predictionNumber);
        }
        overall.count();
        if (labelled) {
            overall.add(label, labelNumber, prediction, predictionNumber, score);
        }
        for (int s = 0; s < slices.size(); s++) {
            String value = segmentValues[s] == null ? MISSING : segmentValues[s];
            SliceCell cell = slices.get(s).computeIfAbsent(value, v -> new SliceCell(numeric));
            cell.count();
            if (labelled) {
                cell.add(label, labelNumber, prediction, predictionNumber, score);
            }
        }
    }

    private static boolean isZeroOne(double v) {
        return v == 0 || v == 1;
    }

    /** Regression or classification, as decided by the rows so far. */
    public Task task() {
        return numeric && !scored && positive == null && !zeroOne ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /** The positive class: the given one, else "1" or "true" when seen, else the greater of two; null for more. */
    String positiveClass() {
        if (positive != null) {
            return positive;
        }
        List<String> labels = overall.classes().labels();
        if (labels.size() > 2) {
            return null;
        }
        if (labels.contains("1")) {
            return "1";
        }
        if (labels.contains("true")) {
            return "true";
        }
        return labels.isEmpty() ? null : labels.get(labels.size() - 1);
    }

    /** The performance of every row added. */
    public PredictorPerformance finish() {
        Task task = task();
        String pos = task == Task.CLASSIFICATION ? positiveClass() : null;
        Map<String, Map<String, SliceMetrics>> out = new LinkedHashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            Map<String, SliceMetrics> values = new LinkedHashMap<>();
            slices.get(s).forEach((value, cell) -> values.put(value, cell.result(task, pos, false)));
            out.put(segments.get(s), values);
        }
        return new PredictorPerformance(version, column, task, pos, overall.result(task, pos, true), out);
    }
}
