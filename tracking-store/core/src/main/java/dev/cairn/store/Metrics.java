package dev.cairn.store;

import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;

import java.util.List;
import java.util.Map;

/**
 * Metric series of runs: batch append, per-run summaries, whole or ranged reads, and bucketed downsampling.
 * Points are stored in compressed chunks with per-chunk summaries, so range reads and downsampling touch only the
 * chunks they need.
 */
public interface Metrics {

    /** Appends points of one metric to a run, in one transaction. The arrays must have equal length. */
    void append(String runId, String key, long[] steps, long[] timestamps, double[] values);

    /** Appends one point (convenience; use the arrays form or the buffered logger for many points). */
    default void append(String runId, String key, long step, long timestamp, double value) {
        append(runId, key, new long[] {step}, new long[] {timestamp}, new double[] {value});
    }

    /** Summaries (last, min, max, count, last step) of every metric of a run, by key. */
    Map<String, MetricSummary> summaries(String runId);

    /** The whole series, ordered by step; empty when the run has no such metric. */
    MetricSeries read(String runId, String key);

    /** The points in {@code range}, ordered by step. */
    MetricSeries read(String runId, String key, SeriesRange range);

    /**
     * The series over {@code range} (whole series for {@link SeriesRange#all()}) reduced to {@code buckets}
     * equal-width buckets, each with its last point, min, max and count.
     */
    BucketedSeries downsample(String runId, String key, SeriesRange range, int buckets);

    /** Metric keys logged by the active runs of an experiment (all experiments when null), sorted. */
    List<String> keys(Long experimentId);

    /** Param keys logged by the active runs of an experiment (all experiments when null), sorted. */
    List<String> paramKeys(Long experimentId);
}
