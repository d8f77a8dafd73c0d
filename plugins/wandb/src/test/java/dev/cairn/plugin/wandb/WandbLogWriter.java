package dev.cairn.plugin.wandb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Test helper: writes W&B run logs (LevelDB log chunks in 32 KiB blocks) of hand-made protobuf records. */
final class WandbLogWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    WandbLogWriter() {
        out.writeBytes(new byte[] {':', 'W', '&', 'B', (byte) 0xE1, (byte) 0xBE, 0});
    }

    /** Appends one record, split into FIRST / MIDDLE / LAST chunks across blocks as W&B does. */
    WandbLogWriter record(byte[] data) {
        int left = RecordLog.BLOCK - out.size() % RecordLog.BLOCK;
        if (left < RecordLog.HEADER) {
            out.writeBytes(new byte[left]);
            left = RecordLog.BLOCK;
        }
        if (data.length + RecordLog.HEADER <= left) {
            chunk(data, 0, data.length, 1);
            return this;
        }
        int used = left - RecordLog.HEADER;
        chunk(data, 0, used, 2);
        while (data.length - used > RecordLog.BLOCK - RecordLog.HEADER) {
            chunk(data, used, RecordLog.BLOCK - RecordLog.HEADER, 3);
            used += RecordLog.BLOCK - RecordLog.HEADER;
        }
        chunk(data, used, data.length - used, 4);
        return this;
    }

    private void chunk(byte[] data, int from, int length, int type) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data, from, length);
        ByteBuffer h = ByteBuffer.allocate(RecordLog.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt((int) crc.getValue()).putShort((short) length).put((byte) type);
        out.writeBytes(h.array());
        out.write(data, from, length);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    // --- protobuf encoding of the few messages the importer reads ---

    static byte[] history(long step, String... keyJsonPairs) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        for (int i = 0; i < keyJsonPairs.length; i += 2) {
            ByteArrayOutputStream item = new ByteArrayOutputStream();
            string(item, 1, keyJsonPairs[i]);
            string(item, 16, keyJsonPairs[i + 1]);
            bytes(h, 1, item.toByteArray());
        }
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        varintField(s, 1, step);
        bytes(h, 2, s.toByteArray());
        return wrap(2, h.toByteArray());
    }

    static byte[] run(String id, String project, long startSeconds) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        string(r, 1, id);
        string(r, 3, project);
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        varintField(ts, 1, startSeconds);
        bytes(r, 17, ts.toByteArray());
        return wrap(17, r.toByteArray());
    }

    static byte[] exit(int code, int runtime) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        varintField(e, 1, code);
        varintField(e, 2, runtime);
        return wrap(18, e.toByteArray());
    }

    private static byte[] wrap(int field, byte[] message) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        varintField(r, 1, 1);
        bytes(r, field, message);
        return r.toByteArray();
    }

    private static void string(ByteArrayOutputStream o, int field, String s) {
        bytes(o, field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream o, int field, byte[] b) {
        varint(o, (long) field << 3 | 2);
        varint(o, b.length);
        o.writeBytes(b);
    }

    private static void varintField(ByteArrayOutputStream o, int field, long v) {
        varint(o, (long) field << 3);
        varint(o, v);
    }

    private static void varint(ByteArrayOutputStream o, long v) {
        while ((v & ~0x7fL) != 0) {
            o.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        o.write((int) v);
    }
}
