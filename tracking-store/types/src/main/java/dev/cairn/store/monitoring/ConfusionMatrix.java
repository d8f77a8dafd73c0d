package dev.cairn.store.monitoring;

import java.util.List;

/**
 * Counts of (true label, predicted label) pairs, as scikit-learn's {@code confusion_matrix}: row = true label,
 * column = predicted label, both in the order of {@link #labels()} (sorted).
 *
 * @param labels every label seen as truth or prediction, sorted
 * @param counts {@code counts[actual][predicted]}
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
            if (copy[i].length != labels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + copy[i].length + " counts for "
                        + labels.size() + " labels");
            }
        }
        if (copy.length != labels.size()) {
            throw new IllegalArgumentException(copy.length + " rows for " + labels.size() + " labels");
        }
        counts = copy;
    }

    /** How many rows had true label {@code actual} and prediction {@code predicted}. */
    public long count(String actual, String predicted) {
        int a = labels.indexOf(actual);
        int p = labels.indexOf(predicted);
        return a < 0 || p < 0 ? 0 : counts[a][p];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + java.util.Arrays.deepToString(counts);
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
