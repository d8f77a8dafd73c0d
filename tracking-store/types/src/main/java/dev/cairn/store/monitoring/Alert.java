package dev.cairn.store.monitoring;

import java.time.Instant;

/**
 * A rule that held on a batch, recorded once per rule and batch as an "alert" event in the model's history.
 *
 * @param id        the alert's event id in the model history
 * @param model     the registered model
 * @param ruleId    the rule that raised it (the rule may since have been removed)
 * @param version   the model version of the batch
 * @param batchTime the time of the batch that raised it
 * @param value     the value that broke the threshold
 * @param message   one line for people
 * @param raisedAt  when it was recorded
 * @param delivered true once an {@code --on-alert} command ran for it
 */
public record Alert(long id, String model, long ruleId, int version, Instant batchTime, double value, String message,
                    Instant raisedAt, boolean delivered) {
}
