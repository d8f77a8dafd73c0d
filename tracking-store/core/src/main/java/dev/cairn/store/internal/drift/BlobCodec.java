package dev.cairn.store.internal.drift;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compact little-endian encodings of doubles, longs, dictionary-coded labels and value counts. */
final class BlobCodec {
    private BlobCodec() {
    }

    static byte[] doubles(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    static double[] doubles(byte[] blob) {
        if (blob == null) {
            return null;
        }
        double[] out = new double[blob.length / Double.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    static byte[] longs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b.array();
    }

    static long[] longs(byte[] blob) {
        if (blob == null) {
            return null;
        }
        long[] out = new long[blob.length / Long.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** Labels as int codes (-1 = missing) plus the dictionary of distinct labels in first-seen order. */
    static Coded code(String[] labels) {
        Map<String, Integer> dict = new HashMap<>();
        List<String> words = new ArrayList<>();
        ByteBuffer codes = ByteBuffer.allocate(labels.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (String label : labels) {
            if (label == null) {
                codes.putInt(-1);
                continue;
            }
            Integer code = dict.get(label);
            if (code == null) {
                code = words.size();
                dict.put(label, code);
                words.add(label);
            }
            codes.putInt(code);
        }
        return new Coded(codes.array(), strings(words));
    }

    static String[] decode(byte[] codes, byte[] dictionary) {
        List<String> words = strings(dictionary);
        ByteBuffer b = ByteBuffer.wrap(codes).order(ByteOrder.LITTLE_ENDIAN);
        String[] out = new String[codes.length / Integer.BYTES];
        for (int i = 0; i < out.length; i++) {
            int code = b.getInt();
            out[i] = code < 0 ? null : words.get(code);
        }
        return out;
    }

    static byte[] strings(List<String> words) {
        List<byte[]> encoded = new ArrayList<>(words.size());
        int size = Integer.BYTES;
        for (String w : words) {
            byte[] e = w.getBytes(StandardCharsets.UTF_8);
            encoded.add(e);
            size += Integer.BYTES + e.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(words.size());
        for (byte[] e : encoded) {
            b.putInt(e.length).put(e);
        }
        return b.array();
    }

    static List<String> strings(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] e = new byte[b.getInt()];
            b.get(e);
            out.add(new String(e, StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] counts(Map<String, Long> counts) {
        List<String> keys = new ArrayList<>(counts.keySet());
        byte[] names = strings(keys);
        ByteBuffer b = ByteBuffer.allocate(names.length + keys.size() * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(names);
        for (String k : keys) {
            b.putLong(counts.get(k));
        }
        return b.array();
    }

    static Map<String, Long> counts(byte[] blob) {
        if (blob == null) {
            return Map.of();
        }
        List<String> keys = strings(blob);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int skip = Integer.BYTES;
        for (String k : keys) {
            skip += Integer.BYTES + k.getBytes(StandardCharsets.UTF_8).length;
        }
        b.position(skip);
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, b.getLong());
        }
        return out;
    }

    /** Dictionary-coded labels. */
    record Coded(byte[] codes, byte[] dictionary) {
    }
}
