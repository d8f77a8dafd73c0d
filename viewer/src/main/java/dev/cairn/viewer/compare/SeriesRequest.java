package dev.cairn.viewer.compare;

import dev.cairn.store.series.SeriesRange;

/** One bucketed read a chart asked the store for: run, metric, range and bucket count. */
public record SeriesRequest(String runId, String metricKey, SeriesRange range, int buckets) {
}
