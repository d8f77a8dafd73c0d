package dev.cairn.store.internal.series;

import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesAxis;
import dev.cairn.store.series.SeriesRange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Reads a whole series or a step/time range of it, decoding only the chunks that overlap the range. */
public final class MetricSeriesReader {
    private MetricSeriesReader() {
    }

    public static MetricSeries read(Connection c, long runSeq, long keyId, String key, SeriesRange range)
            throws SQLException {
        String sql = "SELECT n, data FROM metric_chunks WHERE run_seq = ? AND key_id = ?"
                + (range.isAll() ? "" : range.axis() == SeriesAxis.STEP
                        ? " AND max_step >= ? AND min_step <= ?" : " AND max_ts >= ? AND min_ts <= ?")
                + " ORDER BY chunk_no";
        List<byte[]> blobs = new ArrayList<>();
        int total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            if (!range.isAll()) {
                ps.setLong(3, range.from());
                ps.setLong(4, range.to());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getInt(1);
                    blobs.add(rs.getBytes(2));
                }
            }
        }
        long[] steps = new long[total];
        long[] ts = new long[total];
        double[] values = new double[total];
        int pos = 0;
        for (byte[] blob : blobs) {
            pos += ChunkCodec.decode(blob, steps, ts, values, pos);
        }
        if (!range.isAll()) {
            int kept = 0;
            for (int i = 0; i < total; i++) {
                if (range.contains(steps[i], ts[i])) {
                    steps[kept] = steps[i];
                    ts[kept] = ts[i];
                    values[kept] = values[i];
                    kept++;
                }
            }
            if (kept != total) {
                steps = Arrays.copyOf(steps, kept);
                ts = Arrays.copyOf(ts, kept);
                values = Arrays.copyOf(values, kept);
            }
        }
        return sorted(new MetricSeries(key, steps, ts, values));
    }

    /** Sorts by step then timestamp (stable) when the points were not logged in order. */
    static MetricSeries sorted(MetricSeries s) {
        long[] steps = s.steps();
        long[] ts = s.timestamps();
        boolean ordered = true;
        for (int i = 1; i < steps.length && ordered; i++) {
            ordered = steps[i - 1] < steps[i] || (steps[i - 1] == steps[i] && ts[i - 1] <= ts[i]);
        }
        if (ordered) {
            return s;
        }
        Integer[] idx = new Integer[steps.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingLong(i -> steps[i]).thenComparingLong(i -> ts[i]));
        long[] ns = new long[idx.length];
        long[] nt = new long[idx.length];
        double[] nv = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            ns[i] = steps[idx[i]];
            nt[i] = ts[idx[i]];
            nv[i] = s.values()[idx[i]];
        }
        return new MetricSeries(s.key(), ns, nt, nv);
    }
}
