package dev.cairn.plugin.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the JSON files other trackers write (Python's {@code json.dump}: {@code NaN} and {@code Infinity} allowed,
 * doubles exactly as written) into trees, with one-line errors naming the file and line.
 */
public final class JsonFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonFiles() {
    }

    /** The shared mapper (NaN/Infinity allowed). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Parses {@code file}; an empty or broken file fails with "file: line N: invalid JSON: ...". */
    public static JsonNode read(Path file) throws IOException, LogFileException {
        byte[] bytes = Files.readAllBytes(file);
        return parse(file, bytes, 0);
    }

    /**
     * Parses one JSON document from {@code bytes}; {@code lineOffset} is added to the line in errors (for documents
     * that are one line of a larger file, such as a journal). A number too large for a double ({@code 1e400}) is an
     * error naming its line, never infinity; {@code Infinity} and {@code NaN} as Python writes them stay numbers.
     */
    public static JsonNode parse(Path file, byte[] bytes, int lineOffset) throws LogFileException {
        try {
            try (JsonParser p = JSON.getFactory().createParser(bytes)) {
                refuseOverflowingNumbers(p);
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new LogFileException(file, lineOffset + 1, "empty file, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new LogFileException(file, lineOffset + line(e.getLocation()), "invalid JSON: " + firstLine(e));
        } catch (IOException e) {
            throw new LogFileException(file, lineOffset + 1, "unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * Parses a JSON value held inside another format (a W&B history item's {@code value_json}), with the rules of
     * {@link #parse}: a number too large for a double is refused, never infinity.
     */
    public static JsonNode parseValue(String json) throws JsonProcessingException {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            refuseOverflowingNumbers(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
        return JSON.readTree(json);
    }

    private static void refuseOverflowingNumbers(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NUMBER_FLOAT && Double.isInfinite(p.getDoubleValue())
                    && !p.getText().toLowerCase(java.util.Locale.ROOT).contains("inf")) {
                throw new JsonParseException(p, "'" + p.getText() + "' is too large for a number (beyond ±1.8e308)");
            }
        }
    }

    /**
     * {@code value} as a metric or param number: a JSON number (with Python's {@code NaN}/{@code Infinity}), NaN when
     * absent or null. Anything else (text, true, an object) is an error naming file, line and field: unreadable
     * input never becomes a number.
     */
    public static double number(JsonNode value, Path file, int line, String field) throws LogFileException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw new LogFileException(file, line, field + ": " + text(value) + " is not a number");
        }
        return value.asDouble();
    }

    /** {@code value} as a whole number (a step): a JSON integer, else an error naming file, line and field. */
    public static long integer(JsonNode value, Path file, int line, String field) throws LogFileException {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new LogFileException(file, line, field + ": " + (value == null ? "missing" : text(value))
                    + " is not a whole number");
        }
        return value.asLong();
    }

    /** The text of a JSON-encoded value as a param or tag: strings unquoted, everything else as JSON. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }

    /**
     * Milliseconds since the epoch of an ISO date-time as Python writes it ({@code 2020-05-14T17:27:30.695475},
     * a space instead of the T, or with an offset); a time without offset is taken as UTC. Null when absent or not a
     * date-time.
     */
    public static Long isoMillis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String firstLine(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        int nl = problem.indexOf('\n');
        return (nl > 0 ? problem.substring(0, nl) : problem).strip();
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }
}
