package dev.cairn.store;

import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.MonitoredBatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Model monitoring: the performance stored with each labelled dataset (computed while it is profiled, see
 * {@code dev.cairn.store.profiling.DriftDatasets}), alert rules per model and the alerts they raised. An alert
 * is also an "alert" event in the model's registry history, beside promotions and rollbacks. Evaluating rules
 * (which may need drift tests from plugins) is done by the application.
 *
 * <pre>{@code
 * Monitoring m = store.monitoring();
 * AlertRule rule = m.addRule(new AlertRule(0, "churn", null, RuleKind.METRIC, "accuracy", null, true, 0.8, 2));
 * for (MonitoredBatch b : m.batches("churn", 3)) { ... }
 * }</pre>
 */
public interface Monitoring {

    /** The performance stored with a dataset, when it had a label and a prediction column. */
    Optional<BatchPerformance> performance(long datasetId);

    /** The batches of a version with their performance, oldest first. */
    List<MonitoredBatch> batches(String model, int version);

    /**
     * The batches of a version with their whole-batch performance only (no slices, so slice gaps are empty), oldest
     * first: what a chart of the whole batches needs, read several times faster than {@link #batches(String, int)}.
     */
    List<MonitoredBatch> overview(String model, int version);

    /**
     * The newest {@code count} batches of a version at or before {@code upTo} (null: the newest of all) with their
     * performance, oldest first: what evaluating rules on one batch needs, without reading the whole history.
     */
    List<MonitoredBatch> batches(String model, int version, Instant upTo, int count);

    /** Stores a rule (its id is ignored) and returns it with its id. */
    AlertRule addRule(AlertRule rule);

    /** The rules of a model, oldest first. */
    List<AlertRule> rules(String model);

    /** Removes rule {@code id} of {@code model}; false when there is no such rule. Its alerts stay in the history. */
    boolean removeRule(String model, long id);

    /**
     * Records that {@code rule} held on the batch of {@code version} at {@code batchTime}: an alert event in the
     * model history and an alert, in one transaction. Empty when that rule already alerted on that batch.
     */
    Optional<Alert> raise(AlertRule rule, int version, Instant batchTime, double value, String message);

    /** The alerts of a model, oldest first. */
    List<Alert> alerts(String model);

    /** Marks alert {@code id} as delivered (an {@code --on-alert} command ran for it). */
    void markDelivered(String model, long id);
}
