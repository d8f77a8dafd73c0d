package dev.cairn.store.internal.series;

import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.SeriesAxis;
import dev.cairn.store.series.SeriesRange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reduces a series to N equal-width buckets over a range without loading it whole: a chunk that falls inside
 * one bucket contributes its stored summary; a chunk that straddles bucket edges or the range ends contributes
 * the {@link ChunkSummary} of each 16-point group that falls inside one bucket, and only the points of groups
 * that straddle go in one by one (every point when the chunk has no summary: written before schema v7). Nothing is sampled away: every
 * point counts towards its bucket's min, max and last.
 */
public final class SeriesDownsampler {
    private SeriesDownsampler() {
    }

    public static BucketedSeries downsample(Connection c, long runSeq, long keyId, String key, SeriesRange range,
                                            int buckets) throws SQLException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, was " + buckets);
        }
        boolean byStep = range.axis() == SeriesAxis.STEP;
        SeriesRange bounds = range.isAll() ? bounds(c, runSeq, keyId, range.axis()) : range;
        if (bounds == null) {
            return empty(key, range, buckets);
        }
        long from = bounds.from();
        long span = bounds.to() - from + 1;
        if (span <= 0 || span > Long.MAX_VALUE / buckets) {
            throw new IllegalArgumentException("range too wide to bucket: " + bounds);
        }
        String lo = byStep ? "min_step" : "min_ts";
        String hi = byStep ? "max_step" : "max_ts";
        // the bounds are longs computed here (never user text), inlined so the SQL runs on every dialect
        String f = Long.toString(from);
        String to = Long.toString(bounds.to());
        String straddles = lo + " < " + f + " OR " + hi + " > " + to + " OR ((" + lo + " - " + f + ") * " + buckets
                + ") / " + span + " <> ((" + hi + " - " + f + ") * " + buckets + ") / " + span;
        String sql = "SELECT n, " + lo + ", " + hi + ", vmin, vmax, last_val, last_step, last_ts, "
                + "CASE WHEN " + straddles + " THEN data END, chunk_no, CASE WHEN " + straddles + " THEN summary END "
                + "FROM metric_chunks WHERE run_seq = ? AND key_id = ? AND " + hi + " >= " + f + " AND " + lo
                + " <= " + to;
        Bucketing out = new Bucketing(byStep, from, bounds.to(), span, buckets);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long x0 = rs.getLong(2);
                    long x1 = rs.getLong(3);
                    byte[] data = rs.getBytes(9);
                    if (data == null) {
                        if (out.oneBucket(x0, x1)) {
                            out.bucket(x0).merge(rs.getLong(1), SqlDoubles.get(rs, 4), SqlDoubles.get(rs, 5),
                                    rs.getLong(7), rs.getLong(8), SqlDoubles.get(rs, 6));
                            continue;
                        }
                        data = fetch(c, runSeq, keyId, rs.getInt(10));
                    }
                    byte[] summary = rs.getBytes(11);
                    if (summary != null) {
                        out.addSummarised(data, summary);
                    } else {
                        // a chunk written before schema v7 kept no summary: every point is decoded
                        out.addPoints(data);
                    }
                }
            }
        }
        return collect(key, bounds, buckets, out.stats);
    }

    private static byte[] fetch(Connection c, long runSeq, long keyId, int chunkNo) throws SQLException {
        String sql = "SELECT data FROM metric_chunks WHERE run_seq = ? AND key_id = ? AND chunk_no = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            ps.setInt(3, chunkNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("metric chunk vanished during read");
                }
                return rs.getBytes(1);
            }
        }
    }

    private static SeriesRange bounds(Connection c, long runSeq, long keyId, SeriesAxis axis) throws SQLException {
        String sql = axis == SeriesAxis.STEP
                ? "SELECT min(min_step), max(max_step), count(*) FROM metric_chunks WHERE run_seq = ? AND key_id = ?"
                : "SELECT min(min_ts), max(max_ts), count(*) FROM metric_chunks WHERE run_seq = ? AND key_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runSeq);
            ps.setLong(2, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(3) == 0) {
                    return null;
                }
                return new SeriesRange(axis, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static BucketedSeries collect(String key, SeriesRange range, int buckets, ChunkStats[] stats) {
        int n = 0;
        for (ChunkStats st : stats) {
            if (st != null) {
                n++;
            }
        }
        int[] index = new int[n];
        long[] lastStep = new long[n];
        long[] lastTs = new long[n];
        double[] last = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        long[] count = new long[n];
        int i = 0;
        for (int b = 0; b < stats.length; b++) {
            ChunkStats st = stats[b];
            if (st == null) {
                continue;
            }
            index[i] = b;
            lastStep[i] = st.lastStep;
            lastTs[i] = st.lastTs;
            last[i] = st.last;
            min[i] = st.min;
            max[i] = st.max;
            count[i] = st.count;
            i++;
        }
        return new BucketedSeries(key, range, buckets, index, lastStep, lastTs, last, min, max, count);
    }

    private static BucketedSeries empty(String key, SeriesRange range, int buckets) {
        return new BucketedSeries(key, range, buckets, new int[0], new long[0], new long[0], new double[0],
                new double[0], new double[0], new long[0]);
    }

    /** The buckets being filled, and how a point, a chunk summary group or a run of raw points goes into them. */
    private static final class Bucketing {
        private final boolean byStep;
        private final long from;
        private final long to;
        private final long span;
        private final int buckets;
        final ChunkStats[] stats;
        private final ChunkSummary summary = new ChunkSummary();
        private long[] s = new long[ChunkCodec.CHUNK_POINTS];
        private long[] t = new long[ChunkCodec.CHUNK_POINTS];
        private double[] v = new double[ChunkCodec.CHUNK_POINTS];

        Bucketing(boolean byStep, long from, long to, long span, int buckets) {
            this.byStep = byStep;
            this.from = from;
            this.to = to;
            this.span = span;
            this.buckets = buckets;
            this.stats = new ChunkStats[buckets];
        }

        /** True when x0..x1 lies inside the range and in one bucket. */
        boolean oneBucket(long x0, long x1) {
            return x0 >= from && x1 <= to && index(x0) == index(x1);
        }

        private int index(long x) {
            return (int) (((x - from) * buckets) / span);
        }

        ChunkStats bucket(long x) {
            int b = index(x);
            ChunkStats st = stats[b];
            if (st == null) {
                st = new ChunkStats();
                stats[b] = st;
            }
            return st;
        }

        /**
         * A chunk with a summary: groups inside one bucket are merged whole; a group that straddles is decoded
         * alone and its points go in one by one.
         */
        void addSummarised(byte[] data, byte[] encodedSummary) {
            ChunkSummary sum = summary;
            sum.decode(encodedSummary);
            if (s.length < sum.points) {
                s = new long[sum.points];
                t = new long[sum.points];
                v = new double[sum.points];
            }
            for (int g = 0; g < sum.groups; g++) {
                long x0 = byStep ? sum.minStep[g] : sum.minTs[g];
                long x1 = byStep ? sum.maxStep[g] : sum.maxTs[g];
                if (x1 < from || x0 > to) {
                    continue;
                }
                if (oneBucket(x0, x1)) {
                    bucket(x0).merge(sum.pointsIn(g), sum.min[g], sum.max[g], sum.lastStep[g], sum.lastTs[g],
                            sum.last[g]);
                    continue;
                }
                sum.decodeGroup(data, g, s, t, v);
                int first = ChunkSummary.firstPoint(g);
                addDecoded(first, first + sum.pointsIn(g));
            }
        }

        /** Decodes a whole chunk into its buckets (points outside the range are skipped). */
        void addPoints(byte[] data) {
            addDecoded(0, decode(data));
        }

        private int decode(byte[] data) {
            int n = ChunkCodec.count(data);
            if (n > s.length) {
                s = new long[n];
                t = new long[n];
                v = new double[n];
            }
            return ChunkCodec.decode(data, s, t, v, 0);
        }

        private void addDecoded(int first, int end) {
            for (int i = first; i < end; i++) {
                long x = byStep ? s[i] : t[i];
                if (x < from || x > to) {
                    continue;
                }
                bucket(x).add(s[i], t[i], v[i]);
            }
        }
    }
}
