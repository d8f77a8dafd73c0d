package dev.cairn.store.profiling.performance;

import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores every prediction column of a batch against its label as rows stream by: the batch's own version (the
 * first predictor) and any challengers, per slice, with a paired test of the first against each other.
 * Rows are given as per-column canonical texts and numbers, indexed by the column indices given here.
 */
public final class BatchScorer {
    /** One prediction column of one version, with its score column (or -1). */
    public record Predictor(int version, String column, int predictionIndex, int scoreIndex, boolean numeric) {
    }

    private final int labelIndex;
    private final int[] segmentIndices;
    private final List<Predictor> predictors;
    private final List<PredictorTracker> trackers = new ArrayList<>();
    private final List<PairedTracker> pairs = new ArrayList<>();
    private final String[] segmentValues;

    /**
     * @param positive       the positive class given by the user (in canonical text), or null
     * @param segmentNames   segment column names, parallel to {@code segmentIndices}
     */
    public BatchScorer(int labelIndex, List<Predictor> predictors, String positive, List<String> segmentNames,
                       int[] segmentIndices) {
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("at least one predictor is needed");
        }
        this.labelIndex = labelIndex;
        this.predictors = List.copyOf(predictors);
        this.segmentIndices = segmentIndices.clone();
        this.segmentValues = new String[segmentIndices.length];
        for (Predictor p : predictors) {
            trackers.add(new PredictorTracker(p.version(), p.column(), p.numeric(), positive, p.scoreIndex() >= 0,
                    segmentNames));
        }
        for (int i = 1; i < predictors.size(); i++) {
            pairs.add(new PairedTracker(predictors.get(0).version(), predictors.get(i).version()));
        }
    }

    /** True when column {@code index} is read by {@link #add}. */
    public boolean uses(int index) {
        if (index == labelIndex) {
            return true;
        }
        for (int s : segmentIndices) {
            if (s == index) {
                return true;
            }
        }
        for (Predictor p : predictors) {
            if (p.predictionIndex() == index || p.scoreIndex() == index) {
                return true;
            }
        }
        return false;
    }

    /** Adds one row: canonical cell texts (null = missing) and numbers (NaN = missing or not numeric). */
    public void add(String[] texts, double[] numbers) {
        for (int s = 0; s < segmentIndices.length; s++) {
            segmentValues[s] = texts[segmentIndices[s]];
        }
        String label = texts[labelIndex];
        double labelNumber = numbers[labelIndex];
        for (int i = 0; i < predictors.size(); i++) {
            Predictor p = predictors.get(i);
            double score = p.scoreIndex() < 0 ? Double.NaN : numbers[p.scoreIndex()];
            trackers.get(i).add(label, labelNumber, texts[p.predictionIndex()], numbers[p.predictionIndex()], score,
                    segmentValues);
        }
        if (label == null) {
            return;
        }
        Predictor first = predictors.get(0);
        String firstText = texts[first.predictionIndex()];
        if (firstText == null) {
            return;
        }
        for (int i = 1; i < predictors.size(); i++) {
            Predictor p = predictors.get(i);
            String other = texts[p.predictionIndex()];
            if (other != null) {
                pairs.get(i - 1).add(label, labelNumber, firstText, numbers[first.predictionIndex()], other,
                        numbers[p.predictionIndex()]);
            }
        }
    }

    /** The performance of every row added. */
    public BatchPerformance finish() {
        List<PredictorPerformance> out = new ArrayList<>();
        for (PredictorTracker t : trackers) {
            out.add(t.finish());
        }
        Task task = out.get(0).task();
        List<PairedTest> tests = new ArrayList<>();
        for (PairedTracker pair : pairs) {
            tests.add(pair.finish(task));
        }
        return new BatchPerformance(out, tests);
    }
}
