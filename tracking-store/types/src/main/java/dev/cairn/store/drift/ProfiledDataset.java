package dev.cairn.store.drift;

import java.util.List;
import java.util.Optional;

/**
 * The profile and sample of one dataset before it is stored: row count, per-column profiles, the bounded
 * reservoir sample (column-wise) and, when the dataset has prediction and label columns, the model's performance.
 */
public record ProfiledDataset(long rowCount, int sampleSize, List<ColumnProfile> columns, List<SampleColumn> samples,
                              Optional<DatasetProfile.Performance> performance) {
    public ProfiledDataset {
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
    }
}
