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
            long bits = Double.doubleToRawLongBits(values[i]);
            for (int b = 0; b < 8; b++) {
                buf[pos++] = (byte) (bits >>> (8 * b));
            }
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Number of points in an encoded chunk. */
    public static int count(byte[] data) {
        checkVersion(data);
        return (int) readVarint(data, 1)[0];
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
            long bits = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
                    | (data[pos + 3] & 0xffL) << 24 | (data[pos + 4] & 0xffL) << 32 | (data[pos + 5] & 0xffL) << 40
                    | (data[pos + 6] & 0xffL) << 48 | (data[pos + 7] & 0xffL) << 56;
            values[off + i] = Double.longBitsToDouble(bits);
            pos += 8;
        }
        return count;
    }

    private static void checkVersion(byte[] data) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalStateException("unknown metric chunk format " + (data.length == 0 ? "(empty)" : data[0]));
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static int putVarint(byte[] buf, int pos, long v) {
        while ((v & ~0x7fL) != 0) {
            buf[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    private static long[] readVarint(byte[] data, int pos) {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = data[pos++];
            v |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        return new long[] {v, pos};
    }
}
