package dev.cairn.plugin.wandb;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Reads W&B's run log ({@code run-<id>.wandb}): LevelDB's log format with W&B's own 7-byte file header
 * ({@code ":W&B"}, magic 0xBEE1, version 0). The file is cut into 32 KiB blocks; each chunk has a header (CRC-32 of
 * type and data, little-endian length, type FULL / FIRST / MIDDLE / LAST) and a block's tail too short for a header
 * is zero padding. A chunk cut short at the end of the file (the run was still being written) ends the log with a
 * warning; a bad checksum or chunk order anywhere fails it with the byte offset.
 */
final class RecordLog {
    static final int HEADER = 7;
    static final int BLOCK = 32768;
    private static final int FULL = 1;
    private static final int FIRST = 2;
    private static final int MIDDLE = 3;
    private static final int LAST = 4;
    private static final int MAGIC = 0xBEE1;

    /** Receives each whole record (a serialized {@code Record} protobuf) and the offset of its first chunk. */
    @FunctionalInterface
    interface RecordHandler {
        void record(byte[] data, long offset) throws LogFileException;
    }

    private RecordLog() {
    }

    /** True when {@code file} starts with the W&B log header. */
    static boolean hasHeader(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(HEADER);
            return h.length == HEADER && h[0] == ':' && h[1] == 'W' && h[2] == '&' && h[3] == 'B';
        } catch (IOException e) {
            return false;
        }
    }

    static void read(Path file, ImportContext context, RecordHandler handler) throws IOException, LogFileException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER || bytes[0] != ':' || bytes[1] != 'W' || bytes[2] != '&' || bytes[3] != 'B'
                || (buf.getShort(4) & 0xffff) != MAGIC) {
            throw LogFileException.atOffset(file, 0, "not a W&B run log (no ':W&B' header)");
        }
        if (bytes[6] != 0) {
            throw LogFileException.atOffset(file, 6, "unsupported W&B log version " + bytes[6]);
        }
        int pos = HEADER;
        byte[] pending = null;
        long pendingOffset = -1;
        CRC32 crc = new CRC32();
        while (pos < bytes.length) {
            int left = BLOCK - pos % BLOCK;
            if (left < HEADER) {
                pos += left;
                continue;
            }
            if (bytes.length - pos < HEADER) {
                torn(file, pos, context);
                return;
            }
            long checksum = buf.getInt(pos) & 0xffffffffL;
            int length = buf.getShort(pos + 4) & 0xffff;
            int type = bytes[pos + 6];
            if (HEADER + length > left) {
                throw LogFileException.atOffset(file, pos, "chunk of " + length + " bytes crosses its 32 KiB block");
            }
            if (pos + HEADER + length > bytes.length) {
                torn(file, pos, context);
                return;
            }
            crc.reset();
            crc.update(type);
            crc.update(bytes, pos + HEADER, length);
            if (crc.getValue() != checksum) {
                throw LogFileException.atOffset(file, pos, "checksum mismatch (corrupt record)");
            }
            int from = pos + HEADER;
            switch (type) {
                case FULL -> {
                    if (pending != null) {
                        throw LogFileException.atOffset(file, pos, "whole record inside a split one");
                    }
                    handler.record(java.util.Arrays.copyOfRange(bytes, from, from + length), pos);
                }
                case FIRST -> {
                    if (pending != null) {
                        throw LogFileException.atOffset(file, pos, "split record starts inside another");
                    }
                    pending = java.util.Arrays.copyOfRange(bytes, from, from + length);
                    pendingOffset = pos;
                }
                case MIDDLE, LAST -> {
                    if (pending == null) {
                        throw LogFileException.atOffset(file, pos, "continuation of a record that never started");
                    }
                    byte[] joined = java.util.Arrays.copyOf(pending, pending.length + length);
                    System.arraycopy(bytes, from, joined, pending.length, length);
                    pending = joined;
                    if (type == LAST) {
                        handler.record(pending, pendingOffset);
                        pending = null;
                    }
                }
                default -> throw LogFileException.atOffset(file, pos, "unknown chunk type " + type);
            }
            pos = from + length;
        }
        if (pending != null) {
            torn(file, pendingOffset, context);
        }
    }

    private static void torn(Path file, long offset, ImportContext context) {
        context.warn(file + ": offset " + offset + ": the log ends inside a record (run still being written?); "
                + "read up to there");
    }
}
