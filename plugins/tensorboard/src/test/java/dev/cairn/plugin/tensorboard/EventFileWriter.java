package dev.cairn.plugin.tensorboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Test helper writing TFRecord event files as TensorFlow and PyTorch do, encoding the few protobuf fields by
 * hand (independently of the importer's decoder).
 */
final class EventFileWriter implements AutoCloseable {
    private final OutputStream out;
    private long written;

    EventFileWriter(OutputStream out) {
        this.out = out;
    }

    long bytesWritten() {
        return written;
    }

    /** A TF1/PyTorch scalar: {@code Summary.Value.simple_value}. */
    void simpleScalar(double wallTime, long step, String tag, float value) throws IOException {
        Proto v = new Proto().string(1, tag).fixed32(2, Float.floatToIntBits(value));
        record(event(wallTime, step, new Proto().message(1, v)));
    }

    /** A TF2 scalar: a float tensor of shape [] in {@code float_val}, with scalars plugin metadata. */
    void tensorScalarFloat(double wallTime, long step, String tag, float value, boolean withMetadata) throws IOException {
        Proto tensor = new Proto().varint(1, 1).message(2, new Proto())
                .bytes(5, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
        record(event(wallTime, step, new Proto().message(1, value(tag, tensor, withMetadata ? "scalars" : null))));
    }

    /** A TF2 scalar as a double tensor in {@code tensor_content}. */
    void tensorScalarDouble(double wallTime, long step, String tag, double value) throws IOException {
        Proto tensor = new Proto().varint(1, 2).message(2, new Proto())
                .bytes(4, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
        record(event(wallTime, step, new Proto().message(1, value(tag, tensor, "scalars"))));
    }

    /** A histogram-like tensor (shape [2, 3] doubles) under the histograms plugin. */
    void histogram(double wallTime, long step, String tag) throws IOException {
        Proto shape = new Proto().message(2, new Proto().varint(1, 2)).message(2, new Proto().varint(1, 3));
        Proto tensor = new Proto().varint(1, 2).message(2, shape).bytes(4, new byte[48]);
        record(event(wallTime, step, new Proto().message(1, value(tag, tensor, "histograms"))));
    }

    /** hparams plugin session_start_info with the given values (Number, String or Boolean). */
    void hparams(double wallTime, Map<String, Object> values) throws IOException {
        Proto start = new Proto();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Proto value = new Proto();
            if (e.getValue() instanceof Number n) {
                value.fixed64(2, Double.doubleToLongBits(n.doubleValue()));
            } else if (e.getValue() instanceof Boolean b) {
                value.varint(4, b ? 1 : 0);
            } else {
                value.string(3, e.getValue().toString());
            }
            start.message(1, new Proto().string(1, e.getKey()).message(2, value));
        }
        Proto pluginData = new Proto().message(3, start);
        Proto metadata = new Proto().message(1, new Proto().string(1, "hparams").bytes(2, pluginData.toBytes()));
        Proto v = new Proto().string(1, "_hparams_/session_start_info").message(9, metadata)
                .message(8, new Proto().varint(1, 7));
        record(event(wallTime, 0, new Proto().message(1, v)));
    }

    private static Proto value(String tag, Proto tensor, String plugin) {
        Proto v = new Proto().string(1, tag).message(8, tensor);
        if (plugin != null) {
            v.message(9, new Proto().message(1, new Proto().string(1, plugin)));
        }
        return v;
    }

    private static byte[] event(double wallTime, long step, Proto summary) {
        return new Proto().fixed64(1, Double.doubleToLongBits(wallTime)).varint(2, step).message(5, summary)
                .toBytes();
    }

    /** Writes one TFRecord: length, masked CRC of length, data, masked CRC of data. */
    void record(byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(data.length);
        header.putInt(maskedCrc(header.array(), 0, 8));
        out.write(header.array());
        out.write(data);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc(data, 0, data.length))
                .array());
        written += 16L + data.length;
    }

    static int maskedCrc(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Minimal protobuf encoder. */
    static final class Proto {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Proto varint(int field, long v) {
            key(field, 0);
            raw(v);
            return this;
        }

        Proto fixed32(int field, int v) {
            key(field, 5);
            for (int i = 0; i < 4; i++) {
                buf.write(v >>> (8 * i));
            }
            return this;
        }

        Proto fixed64(int field, long v) {
            key(field, 1);
            for (int i = 0; i < 8; i++) {
                buf.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Proto bytes(int field, byte[] b) {
            key(field, 2);
            raw(b.length);
            buf.writeBytes(b);
            return this;
        }

        Proto string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto m) {
            return bytes(field, m.toBytes());
        }

        byte[] toBytes() {
            return buf.toByteArray();
        }

        private void key(int field, int wire) {
            raw((long) field << 3 | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7fL) != 0) {
                buf.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            buf.write((int) v);
        }
    }
}
