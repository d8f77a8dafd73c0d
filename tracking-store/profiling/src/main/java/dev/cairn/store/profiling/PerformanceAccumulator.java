package dev.cairn.store.profiling;

import dev.cairn.store.drift.DatasetProfile;

import java.util.Optional;

/** Accuracy (labels) or RMSE (numbers) of a prediction column against a label column, over rows with both. */
public final class PerformanceAccumulator {
    private long rows;
    private long correct;
    private double squaredError;
    private boolean regression;

    void addClassification(String prediction, String label) {
        if (prediction == null || label == null) {
            return;
        }
        rows++;
        if (prediction.equals(label)) {
            correct++;
        }
    }

    void addRegression(double prediction, double label) {
        if (Double.isNaN(prediction) || Double.isNaN(label)) {
            return;
        }
        regression = true;
        rows++;
        double e = prediction - label;
        squaredError += e * e;
    }

    Optional<DatasetProfile.Performance> result() {
        if (rows == 0) {
            return Optional.empty();
        }
        return Optional.of(regression
                ? new DatasetProfile.Performance("rmse", Math.sqrt(squaredError / rows))
                : new DatasetProfile.Performance("accuracy", (double) correct / rows));
    }
}
