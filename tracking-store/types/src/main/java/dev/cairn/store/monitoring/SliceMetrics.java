package dev.cairn.store.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model's performance over some rows: a whole batch or one slice of it.
 *
 * @param rows         rows in the batch or slice
 * @param labelled     rows with both a label and a prediction (the rows the metrics are over)
 * @param metrics      by name, in a fixed order: accuracy, precision, recall, f1, rocAuc, logLoss (classification;
 *                     the last two only with a score) or mae, rmse, r2 (regression); empty when nothing is labelled
 * @param positiveRate share of labelled rows predicted as the positive class (classification with a positive
 *                     class), else null
 * @param confusion    the confusion matrix (whole batches of classification models), else null
 */
public record SliceMetrics(long rows, long labelled, Map<String, Double> metrics, Double positiveRate,
                           ConfusionMatrix confusion) {
    public SliceMetrics {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The value of {@code metric}, if computed. */
    public Optional<Double> metric(String metric) {
        return Optional.ofNullable(metrics.get(metric));
    }
}
