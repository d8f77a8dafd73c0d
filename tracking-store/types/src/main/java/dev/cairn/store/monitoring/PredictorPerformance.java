package dev.cairn.store.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The performance of one model version's predictions on a batch, overall and per slice.
 *
 * @param version  the model version whose predictions these are (the batch's own version, or a challenger)
 * @param column   the prediction column
 * @param task     classification or regression
 * @param positive the positive class (classification), or null when metrics are macro averages over classes
 * @param overall  performance over the whole batch
 * @param slices   per segment column, per value: performance over the rows with that value (values sorted)
 */
public record PredictorPerformance(int version, String column, Task task, String positive, SliceMetrics overall,
                                   Map<String, Map<String, SliceMetrics>> slices) {
    /** Gap name: demographic-parity difference (largest minus smallest positive rate over a segment's slices). */
    public static final String DEMOGRAPHIC_PARITY = "demographicParity";
    /** Gap name: equal-opportunity difference (largest minus smallest recall over a segment's slices). */
    public static final String EQUAL_OPPORTUNITY = "equalOpportunity";

    public PredictorPerformance {
        Map<String, Map<String, SliceMetrics>> copy = new LinkedHashMap<>();
        slices.forEach((segment, values) -> copy.put(segment, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        slices = Collections.unmodifiableMap(copy);
    }

    /**
     * Per segment, per metric: the largest minus the smallest value over the segment's slices (slices without the
     * metric are skipped; a metric needs two slices), plus {@link #DEMOGRAPHIC_PARITY} and {@link #EQUAL_OPPORTUNITY}
     * for classification with a positive class.
     */
    public Map<String, Map<String, Double>> sliceGaps() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        slices.forEach((segment, values) -> {
            Map<String, Double> gaps = new LinkedHashMap<>();
            for (String metric : overall.metrics().keySet()) {
                gap(values, s -> s.metrics().get(metric)).ifPresent(g -> gaps.put(metric, g));
            }
            if (task == Task.CLASSIFICATION && positive != null) {
                gap(values, SliceMetrics::positiveRate).ifPresent(g -> gaps.put(DEMOGRAPHIC_PARITY, g));
                gap(values, s -> s.metrics().get("recall")).ifPresent(g -> gaps.put(EQUAL_OPPORTUNITY, g));
            }
            out.put(segment, gaps);
        });
        return out;
    }

    private static java.util.Optional<Double> gap(Map<String, SliceMetrics> values,
                                                  java.util.function.Function<SliceMetrics, Double> metric) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (SliceMetrics s : values.values()) {
            Double v = metric.apply(s);
            if (v != null && !v.isNaN()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        return n < 2 ? java.util.Optional.empty() : java.util.Optional.of(max - min);
    }
}
