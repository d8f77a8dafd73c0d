package dev.cairn.store.monitoring;

import java.util.List;
import java.util.Optional;

/**
 * What a labelled batch says about its model: the performance of each scored version's predictions (the batch's
 * own version first, then challengers by version) and the paired tests between the first and each other.
 */
public record BatchPerformance(List<PredictorPerformance> predictors, List<PairedTest> comparisons) {
    public BatchPerformance {
        predictors = List.copyOf(predictors);
        comparisons = List.copyOf(comparisons);
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("a batch performance needs at least one predictor");
        }
    }

    /** The performance of the batch's own version's predictions. */
    public PredictorPerformance primary() {
        return predictors.get(0);
    }

    /** The performance of {@code version}'s predictions, if this batch scored them. */
    public Optional<PredictorPerformance> of(int version) {
        return predictors.stream().filter(p -> p.version() == version).findFirst();
    }
}
