package dev.cairn.store.profiling.performance;

import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.monitoring.Task;

import java.util.Map;

/** Rows of one slice (or the whole batch): both classification counts and, for numbers, regression sums. */
final class SliceCell {
    private final ClassCounts classes = new ClassCounts();
    private final RegressionSums numbers;
    private long rows;

    SliceCell(boolean numeric) {
        numbers = numeric ? new RegressionSums() : null;
    }

    void count() {
        rows++;
    }

    void add(String label, double labelNumber, String prediction, double predictionNumber, double score) {
        classes.add(label, prediction, score);
        if (numbers != null && !Double.isNaN(labelNumber) && !Double.isNaN(predictionNumber)) {
            numbers.add(labelNumber, predictionNumber);
        }
    }

    ClassCounts classes() {
        return classes;
    }

    SliceMetrics result(Task task, String positive, boolean confusion) {
        if (task == Task.REGRESSION) {
            return new SliceMetrics(rows, numbers.labelled(), numbers.metrics(), null, null);
        }
        Map<String, Double> metrics = classes.metrics(positive, classes.labels());
        Double rate = positive == null || classes.labelled() == 0 ? null : classes.positiveRate(positive);
        return new SliceMetrics(rows, classes.labelled(), metrics, rate,
                confusion && classes.labelled() > 0 ? classes.confusion(classes.labels()) : null);
    }
}
