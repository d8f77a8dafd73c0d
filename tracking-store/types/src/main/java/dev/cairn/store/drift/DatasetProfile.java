package dev.cairn.store.drift;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored dataset of a model version: the reference or a batch.
 *
 * @param id          the dataset's id in the store
 * @param time        the batch time; null for the reference
 * @param rowCount    rows in the whole dataset
 * @param sampleSize  rows kept in the reservoir sample (at most the reservoir size)
 * @param source      where the rows came from (a file name), or null
 * @param performance accuracy (categorical label) or RMSE (numeric label) of the prediction column against the
 *                    label column over every row, when both exist
 */
public record DatasetProfile(long id, String model, int version, DatasetKind kind, Instant time, long rowCount,
                             int sampleSize, String source, Optional<Performance> performance,
                             List<ColumnProfile> columns) {

    /** The column named {@code name}, if any. */
    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * A model quality figure of one dataset.
     *
     * @param metric "accuracy" or "rmse"
     * @param value  its value
     */
    public record Performance(String metric, double value) {
    }
}
