package dev.cairn.store.profiling.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression error sums over some rows, streamed: MAE, RMSE and R² (as scikit-learn's r2_score: 1 when the labels
 * are constant and the predictions exact, 0 when constant and not). The label variance is kept with Welford's
 * update so R² stays exact on large batches.
 */
final class RegressionSums {
    private long n;
    private double absolute;
    private double squared;
    private double mean;
    private double m2;

    void add(double label, double prediction) {
        n++;
        double e = prediction - label;
        absolute += Math.abs(e);
        squared += e * e;
        double delta = label - mean;
        mean += delta / n;
        m2 += delta * (label - mean);
    }

    long labelled() {
        return n;
    }

    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (n == 0) {
            return m;
        }
        m.put("mae", absolute / n);
        m.put("rmse", Math.sqrt(squared / n));
        double r2;
        if (m2 == 0) {
            r2 = squared == 0 ? 1.0 : 0.0;
        } else {
            r2 = 1 - squared / m2;
        }
        m.put("r2", r2);
        return m;
    }
}
