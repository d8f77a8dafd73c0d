package dev.cairn.plugin.support;

import java.nio.charset.StandardCharsets;

/**
 * A reusable read cursor over protobuf wire-format bytes in {@code buf[pos, limit)}. Just enough of the wire
 * format (varints, fixed 32/64, length-delimited) to decode TensorBoard's Event messages and W&B's records without
 * a protobuf library and without allocating per field. {@code pos} is public so decoders can jump to the end of a
 * nested message they read with a second cursor.
 */
public final class ProtoCursor {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    public byte[] buf;
    public int pos;
    public int limit;

    /** Points the cursor at {@code buf[from, to)}. */
    public ProtoCursor reset(byte[] bytes, int from, int to) {
        buf = bytes;
        pos = from;
        limit = to;
        return this;
    }

    public boolean hasMore() {
        return pos < limit;
    }

    /** Reads a field key; returns {@code fieldNumber << 3 | wireType}. */
    public int readKey() {
        return (int) readVarint();
    }

    public long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new MalformedProtoException("varint runs past the end of its message");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new MalformedProtoException("varint longer than 10 bytes");
    }

    public int readFixed32() {
        need(4);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16
                | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    public long readFixed64() {
        need(8);
        long lo = readFixed32() & 0xffffffffL;
        long hi = readFixed32() & 0xffffffffL;
        return hi << 32 | lo;
    }

    public float readFloat() {
        return Float.intBitsToFloat(readFixed32());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readFixed64());
    }

    /** Reads a length prefix and returns the end of the delimited bytes; the cursor stays at their start. */
    public int readLengthEnd() {
        long len = readVarint();
        if (len < 0 || len > limit - pos) {
            throw new MalformedProtoException("length-delimited field of " + len + " bytes runs past its message");
        }
        return pos + (int) len;
    }

    /** Reads a length-delimited UTF-8 string. */
    public String readString() {
        int end = readLengthEnd();
        String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
        pos = end;
        return s;
    }

    /** Skips the value of a field with the given wire type. */
    public void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> { need(8); pos += 8; }
            case LENGTH_DELIMITED -> pos = readLengthEnd();
            case FIXED32 -> { need(4); pos += 4; }
            default -> throw new MalformedProtoException("unsupported wire type " + wireType);
        }
    }

    private void need(int n) {
        if (limit - pos < n) {
            throw new MalformedProtoException("fixed-size field runs past the end of its message");
        }
    }

    /** The bytes are not a well-formed protobuf message. */
    public static final class MalformedProtoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedProtoException(String message) {
            super(message);
        }
    }
}
