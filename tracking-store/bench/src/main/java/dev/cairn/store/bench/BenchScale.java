package dev.cairn.store.bench;

/**
 * Sizes of a benchmark run. {@link #SMALL} finishes in under a minute on SQLite; {@link #LARGE} is the full set of
 * figures the project promises (10M ingested points, 100,000-run store). {@link #TINY} only checks that every figure
 * runs (a few seconds, for tests): its numbers mean nothing.
 */
public enum BenchScale {
    TINY(20_000, 10_000, 100, 20_000, 200, 20_000),
    SMALL(2_000_000, 1_000_000, 10_000, 500_000, 20_000, 1_000_000),
    LARGE(10_000_000, 5_000_000, 100_000, 2_000_000, 50_000, 1_000_000);

    final int ingestPoints;
    final int loggerCalls;
    final int queryRuns;
    final int naiveIngestPoints;
    final int naiveLoggerCalls;
    /** Points in the series that the read and downsample figures use (and in each ingested series). */
    final int seriesPoints;

    BenchScale(int ingestPoints, int loggerCalls, int queryRuns, int naiveIngestPoints, int naiveLoggerCalls,
               int seriesPoints) {
        this.ingestPoints = ingestPoints;
        this.loggerCalls = loggerCalls;
        this.queryRuns = queryRuns;
        this.naiveIngestPoints = naiveIngestPoints;
        this.naiveLoggerCalls = naiveLoggerCalls;
        this.seriesPoints = seriesPoints;
    }
}
