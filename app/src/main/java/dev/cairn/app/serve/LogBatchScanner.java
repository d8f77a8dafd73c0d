package dev.cairn.app.serve;

import com.fasterxml.jackson.core.io.NumberInput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first stage of {@link LogBatchDecoder}: a byte scanner for the plainest log-batch body, the one MLflow's
 * clients send for a batch of metrics. It reads the bytes once, without tokens or objects per metric, straight into
 * a {@link RunLogging.Batch}; on a 1,000-metric batch it costs less than half of Jackson's streaming parser.
 *
 * <p>Like the decoder, it <b>only accepts, never refuses</b>: it returns null for anything outside the shape below
 * and the decoder's next stage (then the tree path) reads the body. Accepted: an object with {@code run_id} (a
 * non-empty string), {@code metrics} (objects with {@code key}, {@code value}, optional {@code timestamp} and
 * {@code step}), {@code params} and {@code tags} (objects with {@code key} and an optional string {@code value}),
 * each field at most once, in any order, with JSON's whitespace; strings of printable ASCII without escapes;
 * values a JSON number or "NaN"/"Infinity"/"-Infinity"; timestamps and steps integers of at most 18 digits (or
 * null); nothing after the object but whitespace. A double is converted exactly as Jackson converts it for the tree
 * path: by Clinger's exact fast path (at most 2^53 as digits, a power of ten up to 22: one correctly rounded IEEE
 * operation), else by the same Jackson call the tree path makes ({@link NumberInput#parseDouble(char[], int, int,
 * boolean)} with the fast parser): both are correctly rounded, so a value is the same double either way.
 */
final class LogBatchScanner {
    private static final byte[] RUN_ID = ascii("run_id");
    private static final byte[] METRICS = ascii("metrics");
    private static final byte[] PARAMS = ascii("params");
    private static final byte[] TAGS = ascii("tags");
    private static final byte[] KEY = ascii("key");
    private static final byte[] VALUE = ascii("value");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] STEP = ascii("step");
    private static final byte[] NULL = ascii("null");
    private static final double[] POW10 = new double[23];
    /** Digits (and signs, points, exponents) of a number the scanner passes to Jackson's parser at most. */
    private static final int MAX_NUMBER = 64;
    private static final long EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final byte[] b;
    private final long now;
    private int pos;
    /** Start and end of the last string read (its bytes, quotes excluded). */
    private int strStart;
    private int strEnd;
    private char[] chars;

    private LogBatchScanner(byte[] body, long now) {
        this.b = body;
        this.now = now;
    }

    /** The request read from {@code body}, or null: not the plain shape (the caller reads it another way). */
    static LogBatchDecoder.Decoded scan(byte[] body, long now) {
        try {
            return new LogBatchScanner(body, now).body();
        } catch (ApiException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // a limit (the tree path names it), a number Jackson would not take, a body cut short
            return null;
        }
    }

    private LogBatchDecoder.Decoded body() {
        if (!next('{')) {
            return null;
        }
        RunLogging.Batch batch = new RunLogging.Batch();
        String runId = null;
        int seen = 0;
        int entities = 0;
        if (!peekIs('}')) {
            do {
                if (!string()) {
                    return null;
                }
                int bit = is(RUN_ID) ? 1 : is(METRICS) ? 2 : is(PARAMS) ? 4 : is(TAGS) ? 8 : 0;
                if (bit == 0 || (seen & bit) != 0 || !next(':')) {
                    return null;
                }
                seen |= bit;
                int n;
                if (bit == 1) {
                    if (!string() || strEnd == strStart) {
                        return null;
                    }
                    runId = text();
                    n = 0;
                } else {
                    n = bit == 2 ? metrics(batch) : keyValues(batch, bit == 8);
                }
                if (n < 0) {
                    return null;
                }
                entities += n;
            } while (next(','));
        }
        if (!next('}')) {
            return null;
        }
        skipWs();
        if (pos != b.length || runId == null || entities > Limits.MAX_BATCH_ENTITIES) {
            return null;
        }
        return new LogBatchDecoder.Decoded(runId, batch);
    }

    /** A metrics array into {@code batch}: the count, or -1. */
    private int metrics(RunLogging.Batch batch) {
        if (!next('[')) {
            return -1;
        }
        if (next(']')) {
            return 0;
        }
        RunLogging.Points points = null;
        int lastKeyStart = 0;
        int lastKeyLength = -1;
        int n = 0;
        do {
            if (++n > Limits.MAX_BATCH_METRICS || !next('{')) {
                return -1;
            }
            int seen = 0;
            int keyStart = 0;
            int keyEnd = 0;
            double value = 0;
            long timestamp = now;
            long step = 0;
            do {
                if (!string()) {
                    return -1;
                }
                int bit = switch (b[strStart]) {
                    case 'k' -> is(KEY) ? 1 : 0;
                    case 'v' -> is(VALUE) ? 2 : 0;
                    case 't' -> is(TIMESTAMP) ? 4 : 0;
                    case 's' -> is(STEP) ? 8 : 0;
                    default -> 0;
                };
                if (bit == 0 || (seen & bit) != 0 || !next(':')) {
                    return -1;
                }
                seen |= bit;
                switch (bit) {
                    case 1 -> {
                        if (!string()) {
                            return -1;
                        }
                        keyStart = strStart;
                        keyEnd = strEnd;
                    }
                    case 2 -> value = value();
                    case 4 -> {
                        if (!nullValue()) {
                            timestamp = integer();
                        }
                    }
                    default -> {
                        if (!nullValue()) {
                            step = integer();
                        }
                    }
                }
            } while (next(','));
            if (!next('}') || (seen & 3) != 3) {
                return -1;
            }
            int keyLength = keyEnd - keyStart;
            if (keyLength != lastKeyLength || !same(keyStart, lastKeyStart, keyLength)) {
                String key = new String(b, keyStart, keyLength, StandardCharsets.ISO_8859_1);
                Limits.checkKey(key, "key");
                // the first key's columns sized from the body (a metric takes 40 bytes at least)
                points = batch.points(key, points == null
                        ? Math.min(Limits.MAX_BATCH_METRICS, b.length / 40) : 16);
                lastKeyStart = keyStart;
                lastKeyLength = keyLength;
            }
            points.add(step, timestamp, value);
        } while (next(','));
        return next(']') ? n : -1;
    }

    /** A params or tags array into {@code batch}: the count, or -1. */
    private int keyValues(RunLogging.Batch batch, boolean tags) {
        if (!next('[')) {
            return -1;
        }
        if (next(']')) {
            return 0;
        }
        int n = 0;
        do {
            if (++n > Limits.MAX_BATCH_PARAMS_TAGS || !next('{')) {
                return -1;
            }
            String key = null;
            String value = null;
            do {
                if (!string()) {
                    return -1;
                }
                boolean isKey = is(KEY);
                if (!isKey && !is(VALUE) || (isKey ? key : value) != null || !next(':') || !string()) {
                    return -1;
                }
                if (isKey) {
                    key = text();
                } else {
                    value = text();
                }
            } while (next(','));
            if (!next('}') || key == null) {
                return -1;
            }
            if (tags) {
                batch.tag(key, value == null ? "" : value);
            } else {
                batch.param(key, value == null ? "" : value);
            }
        } while (next(','));
        return next(']') ? n : -1;
    }

    /**
     * A metric's value: a JSON number, or "NaN", "Infinity", "-Infinity"; anything else is an
     * IllegalArgumentException (the body is left to the next stage).
     */
    private double value() {
        skipWs();
        if (b[pos] == '"') {
            if (!string()) {
                throw notPlain();
            }
            return switch (text()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw notPlain();
            };
        }
        byte[] a = b;
        int p = pos;
        int start = p;
        boolean negative = a[p] == '-';
        if (negative) {
            p++;
        }
        int intFrom = p;
        if (p >= a.length || a[p] < '0' || a[p] > '9') {
            throw notPlain();
        }
        long digits = 0;
        int count;
        if (a[p] == '0') {
            p++;
            count = 1;
            if (p < a.length && a[p] >= '0' && a[p] <= '9') {
                throw notPlain(); // a leading zero
            }
        } else {
            while (p < a.length && a[p] >= '0' && a[p] <= '9') {
                if (p - intFrom < 18) {
                    digits = digits * 10 + (a[p] - '0');
                }
                p++;
            }
            count = p - intFrom;
        }
        int fraction = 0;
        if (p < a.length && a[p] == '.') {
            int from = ++p;
            while (p < a.length && a[p] >= '0' && a[p] <= '9') {
                if (count < 18) {
                    digits = digits * 10 + (a[p] - '0');
                }
                count++;
                p++;
            }
            fraction = p - from;
            if (fraction == 0) {
                throw notPlain();
            }
        }
        pos = p;
        boolean exponent = false;
        if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
            exponent = true;
            pos++;
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            int from = pos;
            while (pos < b.length && isDigit(b[pos])) {
                pos++;
            }
            if (pos == from) {
                throw notPlain();
            }
        }
        int length = pos - start;
        if (length > MAX_NUMBER) {
            throw notPlain();
        }
        if (fraction == 0 && !exponent) {
            if (count > 18) {
                throw notPlain();
            }
            // an integer: the tree holds an int or long node, whose double value is this conversion
            return (double) (negative ? -digits : digits);
        }
        if (!exponent && count <= 18 && digits <= EXACT && fraction < POW10.length) {
            double v = digits / POW10[fraction];
            return negative ? -v : v;
        }
        if (chars == null) {
            chars = new char[MAX_NUMBER];
        }
        for (int i = 0; i < length; i++) {
            chars[i] = (char) b[start + i];
        }
        double v = NumberInput.parseDouble(chars, 0, length, true);
        if (Double.isInfinite(v)) {
            throw notPlain();
        }
        return v;
    }

    private static IllegalArgumentException notPlain() {
        return new IllegalArgumentException("not the plain shape");
    }

    /** A timestamp or step: a JSON integer of at most 18 digits (fits a long); else IllegalArgumentException. */
    private long integer() {
        byte[] a = b;
        int p = skip(a, pos);
        boolean negative = a[p] == '-';
        if (negative) {
            p++;
        }
        int from = p;
        if (p >= a.length || a[p] < '0' || a[p] > '9') {
            throw notPlain();
        }
        long v = 0;
        if (a[p] == '0') {
            p++;
        } else {
            while (p < a.length && a[p] >= '0' && a[p] <= '9') {
                v = v * 10 + (a[p] - '0');
                p++;
            }
        }
        if (p - from > 18 || p < a.length && (a[p] == '.' || a[p] == 'e' || a[p] == 'E' || a[p] >= '0'
                && a[p] <= '9')) {
            throw notPlain(); // a fraction, an exponent, a leading zero, or too long for the plain path
        }
        pos = p;
        return negative ? -v : v;
    }

    /** Whether a JSON null is next (and read). */
    private boolean nullValue() {
        skipWs();
        if (b[pos] == 'n' && pos + NULL.length <= b.length
                && Arrays.equals(b, pos, pos + NULL.length, NULL, 0, NULL.length)) {
            pos += NULL.length;
            return true;
        }
        return false;
    }

    /** A string of printable ASCII without escapes at the next token, into {@link #strStart}/{@link #strEnd}. */
    private boolean string() {
        byte[] a = b;
        int p = skip(a, pos);
        if (a[p] != '"') {
            pos = p;
            return false;
        }
        int i = p + 1;
        while (true) {
            byte c = a[i];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\' || c == 0x7f) { // bytes >= 0x80 are negative: not ASCII
                return false;
            }
            i++;
        }
        strStart = p + 1;
        strEnd = i;
        pos = i + 1;
        return true;
    }

    /** The last string read. */
    private String text() {
        return new String(b, strStart, strEnd - strStart, StandardCharsets.ISO_8859_1);
    }

    /** Whether the last string read is {@code name} (a loop: short names, where Arrays.equals costs more). */
    private boolean is(byte[] name) {
        if (strEnd - strStart != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[strStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the body's {@code length} bytes at {@code a} and at {@code c} are the same. */
    private boolean same(int a, int c, int length) {
        for (int i = 0; i < length; i++) {
            if (b[a + i] != b[c + i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code c} if it is the next token. */
    private boolean next(char c) {
        byte[] a = b;
        int p = skip(a, pos);
        if (p < a.length && a[p] == c) {
            pos = p + 1;
            return true;
        }
        pos = p;
        return false;
    }

    private boolean peekIs(char c) {
        skipWs();
        return pos < b.length && b[pos] == c;
    }

    private void skipWs() {
        pos = skip(b, pos);
    }

    /** The first position from {@code p} that is not JSON whitespace. */
    private static int skip(byte[] a, int p) {
        while (p < a.length) {
            byte c = a[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
