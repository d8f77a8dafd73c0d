package dev.cairn.store.internal.series;

import java.util.Arrays;

/**
 * Summary of a chunk's points in groups of {@link #GROUP_POINTS} consecutive points (in the chunk's order): per
 * group its step and time bounds, min and max value (NaN ignored; NaN when all are NaN) and last point by
 * {@link PointOrder}. Stored beside the chunk (schema v7, column {@code summary}) so a downsample whose buckets
 * each span several groups merges group summaries instead of decoding every point; only groups that straddle a
 * bucket edge or a range end are decoded, and only those groups: each group also records where its steps and
 * times start in the chunk's {@link ChunkCodec} blob and the step and time before it (the codec's deltas run
 * through the chunk), so one group decodes without walking the points before it. Encoded as a version byte, the
 * point count, then per group ten zig-zag varints (min/max step, min/max time, last step, last time as deltas;
 * the step and time before the group; the byte offsets of its steps and times as deltas) and three raw IEEE-754
 * doubles (min, max, last).
 * A reader keeps its arrays, so one instance decodes chunk after chunk without allocating.
 */
public final class ChunkSummary {
    /** Points per group: a 256-point chunk has 16 groups, about 0.5 KB beside its ~2.8 KB of points. */
    public static final int GROUP_POINTS = 16;
    private static final byte VERSION = 1;

    int groups;
    int points;
    long[] minStep = new long[0];
    long[] maxStep = new long[0];
    long[] minTs = new long[0];
    long[] maxTs = new long[0];
    long[] lastStep = new long[0];
    long[] lastTs = new long[0];
    double[] min = new double[0];
    double[] max = new double[0];
    double[] last = new double[0];
    long[] prevStep = new long[0];
    long[] prevTs = new long[0];
    int[] stepPos = new int[0];
    int[] tsPos = new int[0];

    /** Encodes the summary of {@code len} points starting at {@code off}. */
    public static byte[] encode(long[] steps, long[] timestamps, double[] values, int off, int len) {
        int groups = (len + GROUP_POINTS - 1) / GROUP_POINTS;
        byte[] buf = new byte[1 + 5 + groups * (10 * 10 + 3 * 8)];
        int pos = 0;
        buf[pos++] = VERSION;
        pos = ChunkCodec.putVarint(buf, pos, len);
        long prevStep = 0;
        long prevTs = 0;
        // where each point's step and time varints sit in the chunk blob ChunkCodec.encode writes for these points
        int stepAt = 1 + ChunkCodec.varintLength(len);
        int tsAt = stepAt;
        for (int i = off; i < off + len; i++) {
            tsAt += ChunkCodec.varintLength(ChunkCodec.zigzag(steps[i] - (i == off ? 0 : steps[i - 1])));
        }
        int lastStepAt = 0;
        int lastTsAt = 0;
        for (int g = 0; g < groups; g++) {
            int from = off + g * GROUP_POINTS;
            long before = from == off ? 0 : steps[from - 1];
            long beforeTs = from == off ? 0 : timestamps[from - 1];
            ChunkStats st = ChunkStats.of(steps, timestamps, values, from, Math.min(GROUP_POINTS, off + len - from));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.minStep - prevStep));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.maxStep - st.minStep));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.lastStep - st.minStep));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.minTs - prevTs));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.maxTs - st.minTs));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(st.lastTs - st.minTs));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(before - st.minStep));
            pos = ChunkCodec.putVarint(buf, pos, ChunkCodec.zigzag(beforeTs - st.minTs));
            pos = ChunkCodec.putVarint(buf, pos, stepAt - lastStepAt);
            pos = ChunkCodec.putVarint(buf, pos, tsAt - lastTsAt);
            lastStepAt = stepAt;
            lastTsAt = tsAt;
            int end = Math.min(from + GROUP_POINTS, off + len);
            for (int i = from; i < end; i++) {
                stepAt += ChunkCodec.varintLength(ChunkCodec.zigzag(steps[i] - (i == off ? 0 : steps[i - 1])));
                tsAt += ChunkCodec.varintLength(ChunkCodec.zigzag(timestamps[i] - (i == off ? 0 : timestamps[i - 1])));
            }
            prevStep = st.minStep;
            prevTs = st.minTs;
            pos = ChunkCodec.putDouble(buf, pos, st.min);
            pos = ChunkCodec.putDouble(buf, pos, st.max);
            pos = ChunkCodec.putDouble(buf, pos, st.last);
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Reads an encoded summary into this instance (replacing what it held). */
    public void decode(byte[] data) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalStateException("unknown metric chunk summary format "
                    + (data.length == 0 ? "(empty)" : data[0]));
        }
        int[] pos = {1};
        points = (int) ChunkCodec.varint(data, pos);
        groups = (points + GROUP_POINTS - 1) / GROUP_POINTS;
        if (minStep.length < groups) {
            minStep = new long[groups];
            maxStep = new long[groups];
            minTs = new long[groups];
            maxTs = new long[groups];
            lastStep = new long[groups];
            lastTs = new long[groups];
            min = new double[groups];
            max = new double[groups];
            last = new double[groups];
            prevStep = new long[groups];
            prevTs = new long[groups];
            stepPos = new int[groups];
            tsPos = new int[groups];
        }
        int stepAt = 0;
        int tsAt = 0;
        long prevStep = 0;
        long prevTs = 0;
        for (int g = 0; g < groups; g++) {
            minStep[g] = prevStep + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            maxStep[g] = minStep[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            lastStep[g] = minStep[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            minTs[g] = prevTs + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            maxTs[g] = minTs[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            lastTs[g] = minTs[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            this.prevStep[g] = minStep[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            this.prevTs[g] = minTs[g] + ChunkCodec.unzigzag(ChunkCodec.varint(data, pos));
            stepAt += (int) ChunkCodec.varint(data, pos);
            tsAt += (int) ChunkCodec.varint(data, pos);
            stepPos[g] = stepAt;
            tsPos[g] = tsAt;
            prevStep = minStep[g];
            prevTs = minTs[g];
            min[g] = ChunkCodec.getDouble(data, pos);
            max[g] = ChunkCodec.getDouble(data, pos);
            last[g] = ChunkCodec.getDouble(data, pos);
        }
    }

    /** Number of groups of the last decoded summary. */
    public int groups() {
        return groups;
    }

    /** Index of the first point of group {@code g} in its chunk. */
    static int firstPoint(int g) {
        return g * GROUP_POINTS;
    }

    /**
     * Decodes the points of group {@code g} from the chunk blob the summary was written with into the arrays, at
     * their index in the chunk.
     */
    void decodeGroup(byte[] chunk, int g, long[] steps, long[] timestamps, double[] values) {
        ChunkCodec.decodePart(chunk, points, firstPoint(g), pointsIn(g), stepPos[g], prevStep[g], tsPos[g], prevTs[g],
                steps, timestamps, values);
    }

    /** Number of points in group {@code g}. */
    int pointsIn(int g) {
        return Math.min(GROUP_POINTS, points - g * GROUP_POINTS);
    }
}
