package dev.cairn.store.internal.series;

import java.util.Arrays;

/**
 * Encodes up to {@link #CHUNK_POINTS} metric points into one compact blob: a version byte, the point count, steps
 * and timestamps as zig-zag varint deltas, then the values' raw IEEE-754 bits (little-endian), so NaN, +Inf and
 * -Inf are kept exactly. Typical cost: 8 bytes per value plus 2–4 bytes for step and time.
 */
public final class ChunkCodec {
    /** Points per chunk; small enough that downsampling can use whole-chunk summaries. */
    public static final int CHUNK_POINTS = 256;
    private static final byte VERSION = 1;

    private ChunkCodec() {
    }

    /** Encodes {@code len} points starting at {@code off}. */
    public static byte[] encode(long[] steps, long[] timestamps, double[] values, int off, int len) {
        byte[] buf = new byte[1 + 5 + len * (10 + 10) + len * 8];
        int pos = 0;
        buf[pos++] = VERSION;
        pos = putVarint(buf, pos, len);
        long prev = 0;
        for (int i = off; i < off + len; i++) {
            pos = putVarint(buf, pos, zigzag(steps[i] - prev));
            prev = steps[i];
        }
        prev = 0;
        for (int i = off; i < off + len; i++) {
            pos = putVarint(buf, pos, zigzag(timestamps[i] - prev));
            prev = timestamps[i];
        }
        for (int i = off; i < off + len; i++) {
            pos = putDouble(buf, pos, values[i]);
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Number of points in an encoded chunk. */
    public static int count(byte[] data) {
        checkVersion(data);
        return (int) varint(data, new int[] {1});
    }

    /**
     * Decodes a chunk into the arrays at {@code off}; the arrays must have room for {@link #count(byte[])} points.
     *
     * @return the number of points decoded
     */
    public static int decode(byte[] data, long[] steps, long[] timestamps, double[] values, int off) {
        checkVersion(data);
        int pos = 1;
        long n = 0;
        int shift = 0;
        byte b;
        do {
            b = data[pos++];
            n |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        int count = (int) n;
        long prev = 0;
        for (int i = 0; i < count; i++) {
            long v = 0;
            shift = 0;
            do {
                b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            prev += (v >>> 1) ^ -(v & 1);
            steps[off + i] = prev;
        }
        prev = 0;
        for (int i = 0; i < count; i++) {
            long v = 0;
            shift = 0;
            do {
                b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            prev += (v >>> 1) ^ -(v & 1);
            timestamps[off + i] = prev;
        }
        for (int i = 0; i < count; i++) {
            values[off + i] = getDouble(data, pos);
            pos += 8;
        }
        return count;
    }

    private static void checkVersion(byte[] data) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalStateException("unknown metric chunk format " + (data.length == 0 ? "(empty)" : data[0]));
        }
    }

    /**
     * Decodes {@code len} points from point {@code first} of a chunk of {@code count} points, given where their step
     * and time varints start and the step and time of the point before (0 for the first point), into the arrays at
     * index {@code first}. The values are read from their fixed place at the end of the blob.
     */
    static void decodePart(byte[] data, int count, int first, int len, int stepPos, long prevStep, int tsPos,
                           long prevTs, long[] steps, long[] timestamps, double[] values) {
        checkVersion(data);
        int[] pos = {stepPos};
        long prev = prevStep;
        for (int i = first; i < first + len; i++) {
            prev += unzigzag(varint(data, pos));
            steps[i] = prev;
        }
        pos[0] = tsPos;
        prev = prevTs;
        for (int i = first; i < first + len; i++) {
            prev += unzigzag(varint(data, pos));
            timestamps[i] = prev;
        }
        int valuesAt = data.length - 8 * count;
        for (int i = first; i < first + len; i++) {
            values[i] = getDouble(data, valuesAt + 8 * i);
        }
    }

    /** Bytes the varint of {@code v} takes. */
    static int varintLength(long v) {
        int n = 1;
        while ((v & ~0x7fL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    static int putVarint(byte[] buf, int pos, long v) {
        while ((v & ~0x7fL) != 0) {
            buf[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    /** Reads a varint at {@code pos[0]} and moves {@code pos[0]} past it. */
    static long varint(byte[] data, int[] pos) {
        int p = pos[0];
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = data[p++];
            v |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        pos[0] = p;
        return v;
    }

    /** Writes a double's raw IEEE-754 bits little-endian. */
    static int putDouble(byte[] buf, int pos, double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int b = 0; b < 8; b++) {
            buf[pos++] = (byte) (bits >>> (8 * b));
        }
        return pos;
    }

    /** Reads a double written by {@link #putDouble} at {@code pos[0]} and moves {@code pos[0]} past it. */
    static double getDouble(byte[] data, int[] pos) {
        double v = getDouble(data, pos[0]);
        pos[0] += 8;
        return v;
    }

    private static double getDouble(byte[] data, int pos) {
        long bits = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
                | (data[pos + 3] & 0xffL) << 24 | (data[pos + 4] & 0xffL) << 32 | (data[pos + 5] & 0xffL) << 40
                | (data[pos + 6] & 0xffL) << 48 | (data[pos + 7] & 0xffL) << 56;
        return Double.longBitsToDouble(bits);
    }
}
