package dev.cairn.store.drift;

import java.util.List;
import java.util.Optional;

/**
 * The bounded random sample of a dataset, column-wise. When the dataset has at most the reservoir size rows the
 * sample is every row, so statistics on it are exact.
 *
 * @param rowCount rows of the whole dataset
 */
public record DatasetSample(long datasetId, long rowCount, List<SampleColumn> columns) {

    /** The column named {@code name}, if any. */
    public Optional<SampleColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
