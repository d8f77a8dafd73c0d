package dev.cairn.app.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;

/**
 * The fast path of {@code runs/log-batch}: reads the body with Jackson's streaming parser straight into a
 * {@link RunLogging.Batch} (each key's points in primitive columns; a key's text is compared in place with the
 * previous metric's, so a batch of one key makes no object per metric) without building a tree. The plainest
 * bodies, those MLflow's clients send, are read first by {@link LogBatchScanner}, without Jackson.
 *
 * <p>It accepts only the plain shape MLflow's clients send ({@code run_id} a string; {@code metrics}, {@code params},
 * {@code tags} arrays of objects; keys and param/tag values strings; values numbers or "NaN"/"Infinity"/"-Infinity";
 * timestamps and steps integers that fit a long; every field at most once; within MLflow's limits). For anything
 * else — a malformed body, another shape, a value out of a limit — it returns null and the request takes the tree
 * path, whose validation and error messages are the API's: an error is therefore always the same whichever path
 * read the body, and a body the fast path accepts is stored exactly as the tree path would store it.
 */
final class LogBatchDecoder {
    private LogBatchDecoder() {
    }

    /** The request read from {@code body}: its run id and batch, or null (take the tree path). */
    record Decoded(String runId, RunLogging.Batch batch) {
    }

    static Decoded decode(byte[] body, long now) {
        if (body.length == 0) {
            return null;
        }
        Decoded plain = LogBatchScanner.scan(body, now);
        if (plain != null) {
            return plain;
        }
        try (JsonParser p = MlflowJson.MAPPER.getFactory().createParser(body)) {
            Decoded d = read(p, now, body.length);
            return d != null && p.nextToken() == null ? d : null;
        } catch (IOException | ApiException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Decoded read(JsonParser p, long now, int bodyLength) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        RunLogging.Batch batch = new RunLogging.Batch();
        String runId = null;
        int seen = 0;
        int[] counts = new int[3];
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            int bit = switch (field) {
                case "run_id" -> 1;
                case "metrics" -> 2;
                case "params" -> 4;
                case "tags" -> 8;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                return null; // a field given twice: the tree keeps the last; leave that to it
            }
            seen |= bit;
            boolean ok = switch (bit) {
                case 1 -> v == JsonToken.VALUE_STRING && !(runId = p.getText()).isEmpty();
                case 2 -> v == JsonToken.VALUE_NULL || v == JsonToken.START_ARRAY && (counts[0] = metrics(p, batch,
                        now, bodyLength)) >= 0;
                case 4 -> v == JsonToken.VALUE_NULL || v == JsonToken.START_ARRAY && (counts[1] = keyValues(p, batch,
                        false)) >= 0;
                case 8 -> v == JsonToken.VALUE_NULL || v == JsonToken.START_ARRAY && (counts[2] = keyValues(p, batch,
                        true)) >= 0;
                default -> {
                    p.skipChildren();
                    yield true;
                }
            };
            if (!ok) {
                return null;
            }
        }
        if (runId == null || counts[0] + counts[1] + counts[2] > Limits.MAX_BATCH_ENTITIES) {
            return null;
        }
        return new Decoded(runId, batch);
    }

    /**
     * Reads the metrics array into {@code batch}; the count, or -1 to take the tree path. The first key's columns
     * are sized from the body (a metric takes 40 bytes at least), so a batch of one key is not copied as it grows.
     */
    private static int metrics(JsonParser p, RunLogging.Batch batch, long now, int bodyLength)
            throws IOException {
        char[] lastKey = new char[64];
        int lastLength = -1;
        RunLogging.Points points = null;
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT || ++n > Limits.MAX_BATCH_METRICS) {
                return -1;
            }
            int seen = 0;
            double value = 0;
            long timestamp = now;
            long step = 0;
            boolean keySame = false;
            String key = null;
            for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                int bit;
                switch (field) {
                    case "key" -> {
                        bit = 1;
                        if (v != JsonToken.VALUE_STRING) {
                            return -1;
                        }
                        char[] chars = p.getTextCharacters();
                        int off = p.getTextOffset();
                        int len = p.getTextLength();
                        keySame = len == lastLength && Arrays.equals(chars, off, off + len, lastKey, 0, len);
                        if (!keySame) {
                            key = p.getText();
                        }
                    }
                    case "value" -> {
                        bit = 2;
                        if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
                            value = p.getDoubleValue();
                        } else if (v == JsonToken.VALUE_STRING) {
                            switch (p.getText()) {
                                case "NaN" -> value = Double.NaN;
                                case "Infinity" -> value = Double.POSITIVE_INFINITY;
                                case "-Infinity" -> value = Double.NEGATIVE_INFINITY;
                                default -> {
                                    return -1;
                                }
                            }
                        } else {
                            return -1;
                        }
                    }
                    case "timestamp" -> {
                        bit = 4;
                        if (v != JsonToken.VALUE_NULL) {
                            if (!isLong(p, v)) {
                                return -1;
                            }
                            timestamp = p.getLongValue();
                        }
                    }
                    case "step" -> {
                        bit = 8;
                        if (v != JsonToken.VALUE_NULL) {
                            if (!isLong(p, v)) {
                                return -1;
                            }
                            step = p.getLongValue();
                        }
                    }
                    default -> {
                        bit = 0;
                        p.skipChildren();
                    }
                }
                if ((seen & bit) != 0) {
                    return -1;
                }
                seen |= bit;
            }
            if ((seen & 3) != 3) {
                return -1; // no key or no value: the tree path names what is missing
            }
            if (!keySame) {
                Limits.checkKey(key, "key");
                points = batch.points(key, points == null
                        ? Math.min(Limits.MAX_BATCH_METRICS, bodyLength / 40) : 16);
                lastLength = key.length();
                if (lastKey.length < lastLength) {
                    lastKey = new char[lastLength];
                }
                key.getChars(0, lastLength, lastKey, 0);
            }
            points.add(step, timestamp, value);
        }
        return n;
    }

    private static boolean isLong(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            return false;
        }
        JsonParser.NumberType type = p.getNumberType();
        return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** Reads a params or tags array into {@code batch}; the count, or -1 to take the tree path. */
    private static int keyValues(JsonParser p, RunLogging.Batch batch, boolean tags) throws IOException {
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT || ++n > Limits.MAX_BATCH_PARAMS_TAGS) {
                return -1;
            }
            String key = null;
            String value = null;
            int seen = 0;
            for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                int bit;
                switch (field) {
                    case "key" -> {
                        bit = 1;
                        if (v != JsonToken.VALUE_STRING) {
                            return -1;
                        }
                        key = p.getText();
                    }
                    case "value" -> {
                        bit = 2;
                        if (v == JsonToken.VALUE_STRING) {
                            value = p.getText();
                        } else if (v != JsonToken.VALUE_NULL) {
                            return -1;
                        }
                    }
                    default -> {
                        bit = 0;
                        p.skipChildren();
                    }
                }
                if ((seen & bit) != 0) {
                    return -1;
                }
                seen |= bit;
            }
            if (key == null) {
                return -1;
            }
            if (tags) {
                batch.tag(key, value == null ? "" : value);
            } else {
                batch.param(key, value == null ? "" : value);
            }
        }
        return n;
    }
}
