package dev.cairn.app.demo;

import dev.cairn.store.model.RunStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What training one trial produced: its final status (with the reason for FAILED or KILLED) and its metric
 * points, one per step, every series sharing the same steps.
 */
final class TrialResult {
    private final List<Long> steps = new ArrayList<>();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private RunStatus status = RunStatus.FINISHED;
    private String reason;

    /** Adds one step's metric values (every step must log the same keys). */
    void record(long step, Map<String, Double> values) {
        steps.add(step);
        values.forEach((key, value) -> series.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    }

    void end(RunStatus endStatus, String why) {
        this.status = endStatus;
        this.reason = why;
    }

    RunStatus status() {
        return status;
    }

    /** Why the run FAILED or was KILLED; null when it FINISHED. */
    String reason() {
        return reason;
    }

    long[] steps() {
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    Map<String, double[]> series() {
        Map<String, double[]> out = new LinkedHashMap<>();
        series.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** The last value of {@code key}, or NaN when it was never logged. */
    double last(String key) {
        List<Double> values = series.get(key);
        return values == null || values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }
}
