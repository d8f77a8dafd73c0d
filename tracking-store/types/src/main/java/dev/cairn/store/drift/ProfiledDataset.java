package dev.cairn.store.drift;

import dev.cairn.store.monitoring.BatchPerformance;

import java.util.List;
import java.util.Optional;

/**
 * The profile and sample of one dataset before it is stored: row count, per-column profiles, the bounded
 * reservoir sample (column-wise) and, when the dataset has prediction and label columns, the model's performance
 * (the one-figure summary, and the full monitoring figures per predictor and slice).
 */
public record ProfiledDataset(long rowCount, int sampleSize, List<ColumnProfile> columns, List<SampleColumn> samples,
                              Optional<DatasetProfile.Performance> performance,
                              Optional<BatchPerformance> monitoring) {
    public ProfiledDataset {
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
    }

    /** A dataset without monitoring figures. */
    public ProfiledDataset(long rowCount, int sampleSize, List<ColumnProfile> columns, List<SampleColumn> samples,
                           Optional<DatasetProfile.Performance> performance) {
        this(rowCount, sampleSize, columns, samples, performance, Optional.empty());
    }
}
