package dev.cairn.store.monitoring;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored batch with its monitoring figures.
 *
 * @param datasetId   the batch's dataset id (as in its drift profile)
 * @param time        the batch time
 * @param rows        rows in the batch
 * @param performance the performance of its predictions, when it had a label and a prediction column
 */
public record MonitoredBatch(long datasetId, Instant time, long rows, Optional<BatchPerformance> performance) {
}
