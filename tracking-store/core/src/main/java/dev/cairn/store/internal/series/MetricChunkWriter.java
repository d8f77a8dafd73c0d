package dev.cairn.store.internal.series;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Appends points to a series inside a write transaction: tops up the series' open (last, not full) chunk, writes
 * full chunks for the rest, and folds the new points into the run's metric summary. Every chunk written (the
 * topped-up one too) gets its {@link ChunkSummary} rewritten with it.
 */
public final class MetricChunkWriter {
    private static final String SELECT_OPEN = "SELECT chunk_no, n, data FROM metric_chunks "
            + "WHERE run_seq = ? AND key_id = ? ORDER BY chunk_no DESC LIMIT 1";
    private static final String UPSERT_CHUNK = "INSERT INTO metric_chunks(run_seq, key_id, chunk_no, n, "
            + "min_step, max_step, min_ts, max_ts, vmin, vmax, last_val, last_step, last_ts, data, summary) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(run_seq, key_id, chunk_no) DO UPDATE SET "
            + "n = excluded.n, min_step = excluded.min_step, max_step = excluded.max_step, "
            + "min_ts = excluded.min_ts, max_ts = excluded.max_ts, vmin = excluded.vmin, vmax = excluded.vmax, "
            + "last_val = excluded.last_val, last_step = excluded.last_step, last_ts = excluded.last_ts, "
            + "data = excluded.data, summary = excluded.summary";
    private static final String SELECT_SUMMARY = "SELECT last, min, max, count, last_step, last_ts "
            + "FROM metric_summaries WHERE run_seq = ? AND key_id = ?";
    private static final String UPSERT_SUMMARY = "INSERT INTO metric_summaries(run_seq, key_id, last, min, max, "
            + "count, last_step, last_ts) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(run_seq, key_id) DO UPDATE SET "
            + "last = excluded.last, min = excluded.min, max = excluded.max, count = excluded.count, "
            + "last_step = excluded.last_step, last_ts = excluded.last_ts";

    private MetricChunkWriter() {
    }

    /** Appends {@code len} points from {@code off}; a no-op for {@code len == 0}. */
    public static void append(Connection c, long runSeq, long keyId, long[] steps, long[] timestamps,
                              double[] values, int off, int len) throws SQLException {
        if (len == 0) {
            return;
        }
        int nextChunk = 0;
        int pos = off;
        int end = off + len;
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_CHUNK)) {
            try (PreparedStatement ps = c.prepareStatement(SELECT_OPEN)) {
                ps.setLong(1, runSeq);
                ps.setLong(2, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        int chunkNo = rs.getInt(1);
                        int n = rs.getInt(2);
                        nextChunk = chunkNo + 1;
                        if (n < ChunkCodec.CHUNK_POINTS) {
                            byte[] data = rs.getBytes(3);
                            int take = Math.min(ChunkCodec.CHUNK_POINTS - n, len);
                            long[] s = new long[n + take];
                            long[] t = new long[n + take];
                            double[] v = new double[n + take];
                            ChunkCodec.decode(data, s, t, v, 0);
                            System.arraycopy(steps, pos, s, n, take);
                            System.arraycopy(timestamps, pos, t, n, take);
                            System.arraycopy(values, pos, v, n, take);
                            bindChunk(upsert, runSeq, keyId, chunkNo, s, t, v, 0, n + take);
                            upsert.executeUpdate();
                            pos += take;
                        }
                    }
                }
            }
            while (pos < end) {
                int take = Math.min(ChunkCodec.CHUNK_POINTS, end - pos);
                bindChunk(upsert, runSeq, keyId, nextChunk++, steps, timestamps, values, pos, take);
                upsert.addBatch();
                pos += take;
            }
            upsert.executeBatch();
        }
        updateSummary(c, runSeq, keyId, ChunkStats.of(steps, timestamps, values, off, len));
    }

    private static void bindChunk(PreparedStatement ps, long runSeq, long keyId, int chunkNo, long[] s, long[] t,
                                  double[] v, int off, int len) throws SQLException {
        ChunkStats st = ChunkStats.of(s, t, v, off, len);
        ps.setLong(1, runSeq);
        ps.setLong(2, keyId);
        ps.setInt(3, chunkNo);
        ps.setInt(4, len);
        ps.setLong(5, st.minStep);
        ps.setLong(6, st.maxStep);
        ps.setLong(7, st.minTs);
        ps.setLong(8, st.maxTs);
        SqlDoubles.set(ps, 9, st.min);
        SqlDoubles.set(ps, 10, st.max);
        SqlDoubles.set(ps, 11, st.last);
        ps.setLong(12, st.lastStep);
        ps.setLong(13, st.lastTs);
        ps.setBytes(14, ChunkCodec.encode(s, t, v, off, len));
        ps.setBytes(15, ChunkSummary.encode(s, t, v, off, len));
    }

    private static void updateSummary(Connection c, long runSeq, long keyId, ChunkStats added) throws SQLException {
        ChunkStats total = new ChunkStats();
        try (PreparedStatement ps = c.prepareStatement(SELECT_SUMMARY)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    total.merge(rs.getLong(4), SqlDoubles.get(rs, 2), SqlDoubles.get(rs, 3), rs.getLong(5),
                            rs.getLong(6), SqlDoubles.get(rs, 1));
                }
            }
        }
        total.merge(added.count, added.min, added.max, added.lastStep, added.lastTs, added.last);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_SUMMARY)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            SqlDoubles.set(ps, 3, total.last);
            SqlDoubles.set(ps, 4, total.min);
            SqlDoubles.set(ps, 5, total.max);
            ps.setLong(6, total.count);
            ps.setLong(7, total.lastStep);
            ps.setLong(8, total.lastTs);
            ps.executeUpdate();
        }
    }
}
