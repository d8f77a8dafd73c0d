package dev.cairn.plugin.tensorboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Streams the records of a TFRecord file: {@code uint64 length, uint32 masked_crc32c(length), data[length],
 * uint32 masked_crc32c(data)}, all little-endian. Reads through one large buffer and hands each record's bytes
 * to the caller in place (valid only until the next call), so parsing copies and allocates nothing per record.
 */
final class TfRecordReader {
    private static final int HEADER = 12;
    private static final int FOOTER = 4;
    private static final int MASK_DELTA = 0xa282ead8;

    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private long bufferOffset;

    private int recordStart;
    private int recordLength;
    private long recordOffset;

    TfRecordReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** What {@link #next()} found. */
    enum Result { RECORD, END, TORN }

    /**
     * Reads the next record. {@link Result#END}: clean end of file. {@link Result#TORN}: the file ends inside a
     * record (a writer still appending). A CRC mismatch throws {@link CorruptRecordException}.
     */
    Result next() throws IOException {
        recordOffset = bufferOffset + start;
        if (!fill(HEADER)) {
            return available() == 0 ? Result.END : Result.TORN;
        }
        long length = littleLong(buf, start);
        int lengthCrc = littleInt(buf, start + 8);
        crc.reset();
        crc.update(buf, start, 8);
        if (mask((int) crc.getValue()) != lengthCrc) {
            throw new CorruptRecordException(recordOffset, "length checksum mismatch");
        }
        if (length < 0 || length > Integer.MAX_VALUE - HEADER - FOOTER - 16) {
            throw new CorruptRecordException(recordOffset, "record length " + length + " out of range");
        }
        int total = HEADER + (int) length + FOOTER;
        if (!fill(total)) {
            return Result.TORN;
        }
        int dataStart = start + HEADER;
        crc.reset();
        crc.update(buf, dataStart, (int) length);
        int dataCrc = littleInt(buf, dataStart + (int) length);
        if (mask((int) crc.getValue()) != dataCrc) {
            start += total;
            throw new CorruptRecordException(recordOffset, "data checksum mismatch");
        }
        recordStart = dataStart;
        recordLength = (int) length;
        start += total;
        return Result.RECORD;
    }

    /** True when no bytes follow the last record read (or the corrupt one just reported). */
    boolean atEnd() throws IOException {
        return !fill(1);
    }

    /** The array holding the last record's bytes, from {@link #recordStart()}; overwritten by the next call. */
    byte[] buffer() {
        return buf;
    }

    int recordStart() {
        return recordStart;
    }

    int recordLength() {
        return recordLength;
    }

    /** Byte offset in the file where the last record (or the torn/corrupt one) starts. */
    long recordOffset() {
        return recordOffset;
    }

    private int available() {
        return end - start;
    }

    /** Ensures {@code n} bytes are buffered from {@code start}; false when the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (end - start >= n) {
            return true;
        }
        if (buf.length < n) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, start, bigger, 0, end - start);
            buf = bigger;
        } else if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
        }
        bufferOffset += start;
        end -= start;
        start = 0;
        while (end < n && !eof) {
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
        return end >= n;
    }

    private static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    private static long littleLong(byte[] b, int i) {
        return (littleInt(b, i) & 0xffffffffL) | (long) littleInt(b, i + 4) << 32;
    }

    private static int littleInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    /** A record whose checksum does not match; {@link #offset()} is where the record starts. */
    static final class CorruptRecordException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        CorruptRecordException(long offset, String message) {
            super(message + " in record at byte offset " + offset);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }
}
