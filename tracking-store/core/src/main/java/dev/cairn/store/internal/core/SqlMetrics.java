package dev.cairn.store.internal.core;

import dev.cairn.store.Metrics;
import dev.cairn.store.internal.series.ChunkCodec;
import dev.cairn.store.internal.series.MetricChunkWriter;
import dev.cairn.store.internal.series.MetricSeriesReader;
import dev.cairn.store.internal.series.SeriesDownsampler;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.KeyCatalog;
import dev.cairn.store.internal.sql.Tx;
import dev.cairn.store.internal.sql.UncheckedSqlException;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metric series of runs: batch append, per-run summaries, whole or ranged reads, and bucketed downsampling.
 * Points are stored in compressed chunks; see {@link dev.cairn.store.internal.series.ChunkCodec}.
 */
public final class SqlMetrics implements Metrics {
    private final Database db;
    private final SqlRuns runs;
    private final KeyCatalog keys;

    SqlMetrics(Database db, SqlRuns runs, KeyCatalog keys) {
        this.db = db;
        this.runs = runs;
        this.keys = keys;
    }

    /** Appends points of one metric to a run, in one transaction. The arrays must have equal length. */
    public void append(String runId, String key, long[] steps, long[] timestamps, double[] values) {
        checkLengths(steps, timestamps, values);
        db.writeVoid(tx -> append(tx, runs.requireSeq(tx.connection(), runId), key, steps, timestamps, values, 0,
                steps.length));
    }

    /** Appends one point (convenience; use the arrays form or the buffered logger for many points). */
    public void append(String runId, String key, long step, long timestamp, double value) {
        append(runId, key, new long[] {step}, new long[] {timestamp}, new double[] {value});
    }

    /** Appends points inside an open write transaction. */
    public void append(Tx tx, long runSeq, String key, long[] steps, long[] timestamps, double[] values, int off,
                       int len) {
        UncheckedSqlException.uncheckedRun(() -> append0(tx, runSeq, key, steps, timestamps, values, off, len));
    }

    private void append0(Tx tx, long runSeq, String key, long[] steps, long[] timestamps, double[] values, int off,
                         int len) throws SQLException {
        dev.cairn.store.model.Keys.requireValid("metric", key);
        MetricChunkWriter.append(tx.connection(), runSeq, keys.idFor(tx, key), steps, timestamps, values, off, len);
        tx.touchRun(runSeq);
    }

    /** Summaries (last, min, max, count, last step) of every metric of a run, by key. */
    public Map<String, MetricSummary> summaries(String runId) {
        return runs.details(List.of(runId)).getOrDefault(runId,
                new dev.cairn.store.model.RunDetails(runs.require(runId), Map.of(), Map.of(), Map.of())).metrics();
    }

    /** The whole series, ordered by step; empty when the run has no such metric. */
    public MetricSeries read(String runId, String key) {
        return read(runId, key, SeriesRange.all());
    }

    /** The points in {@code range}, ordered by step. */
    public MetricSeries read(String runId, String key, SeriesRange range) {
        return db.read(c -> {
            long seq = runs.requireSeq(c, runId);
            Long keyId = keys.find(c, key);
            if (keyId == null) {
                return new MetricSeries(key, new long[0], new long[0], new double[0]);
            }
            return MetricSeriesReader.read(c, seq, keyId, key, range);
        });
    }

    /**
     * The series over {@code range} (whole series for {@link SeriesRange#all()}) reduced to {@code buckets}
     * equal-width buckets, each with its last point, min, max and count.
     */
    public BucketedSeries downsample(String runId, String key, SeriesRange range, int buckets) {
        return db.read(c -> {
            long seq = runs.requireSeq(c, runId);
            Long keyId = keys.find(c, key);
            long id = keyId == null ? -1 : keyId;
            return SeriesDownsampler.downsample(c, seq, id, key, range, buckets);
        });
    }

    /** Metric keys logged by the active runs of an experiment (all experiments when null), sorted. */
    public List<String> keys(Long experimentId) {
        return distinctKeys("metric_summaries", experimentId);
    }

    /** Param keys logged by the active runs of an experiment (all experiments when null), sorted. */
    public List<String> paramKeys(Long experimentId) {
        return distinctKeys("params", experimentId);
    }

    private List<String> distinctKeys(String table, Long experimentId) {
        return db.read(c -> {
            String sql = "SELECT name FROM keys k WHERE EXISTS (SELECT 1 FROM " + table + " x JOIN runs r "
                    + "ON r.seq = x.run_seq WHERE x.key_id = k.id AND r.lifecycle = 'active'"
                    + (experimentId == null ? "" : " AND r.experiment_id = ?") + ") ORDER BY name";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (experimentId != null) {
                    ps.setLong(1, experimentId);
                }
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    private static void checkLengths(long[] steps, long[] timestamps, double[] values) {
        if (steps.length != timestamps.length || steps.length != values.length) {
            throw new IllegalArgumentException("steps, timestamps and values must have the same length");
        }
    }
}
