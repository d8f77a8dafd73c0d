package dev.cairn.store.profiling.performance;

import dev.cairn.store.monitoring.ConfusionMatrix;
import org.apache.commons.statistics.ranking.NaNStrategy;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification counts over some rows: the confusion matrix (by label index), and the score and truth of every
 * scored row for ROC AUC and log loss. Metrics follow scikit-learn: zero_division=0, macro averages over every
 * label seen as truth or prediction, log loss with probabilities clipped to [eps, 1 - eps].
 */
final class ClassCounts {
    private static final double EPS = Math.ulp(1.0);
    private static final NaturalRanking AVERAGE_RANKS = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[][] counts = new long[4][4];
    private long labelled;
    private double[] scores = new double[0];
    private int[] truths = new int[0];
    private int scored;

    /** Adds one row with both a label and a prediction; {@code score} NaN when there is none. */
    void add(String label, String prediction, double score) {
        int a = indexOf(label);
        int p = indexOf(prediction);
        counts[a][p]++;
        labelled++;
        if (!Double.isNaN(score)) {
            if (scored == scores.length) {
                int size = Math.max(16, scored * 2);
                scores = Arrays.copyOf(scores, size);
                truths = Arrays.copyOf(truths, size);
            }
            scores[scored] = score;
            truths[scored] = a;
            scored++;
        }
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        int next = names.size();
        index.put(name, next);
        names.add(name);
        if (next == counts.length) {
            long[][] grown = new long[next * 2][next * 2];
            for (int r = 0; r < next; r++) {
                System.arraycopy(counts[r], 0, grown[r], 0, next);
            }
            counts = grown;
        }
        return next;
    }

    long labelled() {
        return labelled;
    }

    /** Every label seen, sorted. */
    List<String> labels() {
        return names.stream().sorted().toList();
    }

    boolean hasScores() {
        return scored > 0;
    }

    /**
     * Metrics in the fixed order; {@code positive} null gives macro averages. {@code labels} are the classes the
     * macro average runs over (the labels of the whole batch).
     */
    Map<String, Double> metrics(String positive, List<String> labels) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (labelled == 0) {
            return m;
        }
        long correct = 0;
        for (int i = 0; i < names.size(); i++) {
            correct += counts[i][i];
        }
        m.put("accuracy", (double) correct / labelled);
        if (positive != null) {
            double[] prf = precisionRecallF1(index.getOrDefault(positive, -1));
            m.put("precision", prf[0]);
            m.put("recall", prf[1]);
            m.put("f1", prf[2]);
            if (scored > 0) {
                auc(index.getOrDefault(positive, -1)).ifPresent(v -> m.put("rocAuc", v));
                m.put("logLoss", logLoss(index.getOrDefault(positive, -1)));
            }
        } else {
            double p = 0;
            double r = 0;
            double f = 0;
            for (String label : labels) {
                double[] prf = precisionRecallF1(index.getOrDefault(label, -1));
                p += prf[0];
                r += prf[1];
                f += prf[2];
            }
            m.put("precision", p / labels.size());
            m.put("recall", r / labels.size());
            m.put("f1", f / labels.size());
        }
        return m;
    }

    /** Share of labelled rows predicted as {@code positive}. */
    double positiveRate(String positive) {
        Integer p = index.get(positive);
        if (p == null || labelled == 0) {
            return labelled == 0 ? Double.NaN : 0.0;
        }
        long predicted = 0;
        for (int a = 0; a < names.size(); a++) {
            predicted += counts[a][p];
        }
        return (double) predicted / labelled;
    }

    private double[] precisionRecallF1(int c) {
        if (c < 0) {
            return new double[] {0, 0, 0};
        }
        long tp = counts[c][c];
        long predicted = 0;
        long actual = 0;
        for (int i = 0; i < names.size(); i++) {
            predicted += counts[i][c];
            actual += counts[c][i];
        }
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = actual == 0 ? 0 : (double) tp / actual;
        long denominator = predicted + actual;
        double f1 = denominator == 0 ? 0 : 2.0 * tp / denominator;
        return new double[] {precision, recall, f1};
    }

    /** ROC AUC as the Mann-Whitney U of the scores over positives and negatives (ties counted half). */
    private java.util.Optional<Double> auc(int positive) {
        long positives = 0;
        for (int i = 0; i < scored; i++) {
            if (truths[i] == positive) {
                positives++;
            }
        }
        long negatives = scored - positives;
        if (positives == 0 || negatives == 0) {
            return java.util.Optional.empty();
        }
        double[] ranks = AVERAGE_RANKS.apply(Arrays.copyOf(scores, scored));
        double rankSum = 0;
        for (int i = 0; i < scored; i++) {
            if (truths[i] == positive) {
                rankSum += ranks[i];
            }
        }
        double u = rankSum - positives * (positives + 1) / 2.0;
        return java.util.Optional.of(u / ((double) positives * negatives));
    }

    private double logLoss(int positive) {
        double sum = 0;
        double compensation = 0;
        for (int i = 0; i < scored; i++) {
            double p = Math.min(Math.max(scores[i], EPS), 1 - EPS);
            double term = truths[i] == positive ? -Math.log(p) : -Math.log1p(-p);
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        return (sum + compensation) / scored;
    }

    /** The confusion matrix over {@code labels} (rows = truth). */
    ConfusionMatrix confusion(List<String> labels) {
        long[][] out = new long[labels.size()][labels.size()];
        for (int a = 0; a < labels.size(); a++) {
            Integer ia = index.get(labels.get(a));
            for (int p = 0; p < labels.size() && ia != null; p++) {
                Integer ip = index.get(labels.get(p));
                out[a][p] = ip == null ? 0 : counts[ia][ip];
            }
        }
        return new ConfusionMatrix(labels, out);
    }
}
