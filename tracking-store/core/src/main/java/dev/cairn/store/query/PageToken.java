package dev.cairn.store.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page tokens: URL-safe base64 of a version byte, a fingerprint of the query (so a token cannot be replayed
 * against a different filter or ordering), and the sort values of the last row of the page, typed and exact
 * (doubles by their bits).
 */
public final class PageToken {
    private static final int VERSION = 1;

    private PageToken() {
    }

    public static String encode(int fingerprint, List<Object> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(fingerprint);
            out.writeShort(values.size());
            for (Object v : values) {
                if (v == null) {
                    out.writeByte('N');
                } else if (v instanceof Integer || v instanceof Long) {
                    out.writeByte('L');
                    out.writeLong(((Number) v).longValue());
                } else if (v instanceof Double d) {
                    out.writeByte('D');
                    out.writeLong(Double.doubleToRawLongBits(d));
                } else {
                    out.writeByte('S');
                    byte[] utf8 = v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The sort values in {@code token}; fails with a clear message for a malformed or foreign token. */
    public static List<Object> decode(String token, int fingerprint) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            if (in.readInt() != fingerprint) {
                throw new IllegalArgumentException("The page token belongs to a different query (filter, order or "
                        + "scope changed); start again from the first page.");
            }
            int n = in.readUnsignedShort();
            List<Object> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int type = in.readByte();
                switch (type) {
                    case 'N' -> values.add(null);
                    case 'L' -> values.add(in.readLong());
                    case 'D' -> values.add(Double.longBitsToDouble(in.readLong()));
                    case 'S' -> {
                        int len = in.readInt();
                        if (len < 0 || len > raw.length) {
                            throw invalid();
                        }
                        values.add(new String(in.readNBytes(len), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    default -> throw invalid();
                }
            }
            if (in.available() > 0) {
                throw invalid();
            }
            return values;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("Invalid page token.");
    }
}
