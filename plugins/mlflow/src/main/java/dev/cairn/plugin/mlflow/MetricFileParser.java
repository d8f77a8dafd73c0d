package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.SeriesBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses an MLflow file-store metric file: one point per line, {@code timestamp value [step [extra...]]}
 * separated by single spaces (MLflow 3 appends a model id and dataset fields, which are ignored). Values are
 * Python float reprs, so {@code nan}, {@code inf} and {@code -inf} occur. Hand-rolled (no regex, no split) because
 * a large store has tens of millions of lines.
 */
final class MetricFileParser {
    private MetricFileParser() {
    }

    /** Reads the whole file; a malformed line is an error naming the file and line number. */
    static ImportedSeries parse(String key, Path file) throws ImportException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read the metric file (" + e.getMessage() + ")", e);
        }
        return parse(key, file.toString(), data);
    }

    static ImportedSeries parse(String key, String source, byte[] data) throws ImportException {
        SeriesBuffer points = new SeriesBuffer(Math.max(16, data.length / 24));
        int pos = 0;
        int line = 0;
        int len = data.length;
        while (pos < len) {
            line++;
            int end = pos;
            while (end < len && data[end] != '\n') {
                end++;
            }
            int stop = end;
            while (stop > pos && (data[stop - 1] == '\r' || data[stop - 1] == ' ' || data[stop - 1] == '\t')) {
                stop--;
            }
            if (stop > pos) {
                int f1 = indexOf(data, pos, stop);
                if (f1 < 0) {
                    throw bad(source, line, "expected 'timestamp value step'");
                }
                int f2 = indexOf(data, f1 + 1, stop);
                int valueEnd = f2 < 0 ? stop : f2;
                long timestamp = parseLong(data, pos, f1, source, line, "timestamp");
                double value = parseDouble(data, f1 + 1, valueEnd, source, line);
                long step = 0;
                if (f2 >= 0) {
                    int f3 = indexOf(data, f2 + 1, stop);
                    step = parseLong(data, f2 + 1, f3 < 0 ? stop : f3, source, line, "step");
                }
                points.add(step, timestamp, value);
            }
            pos = end + 1;
        }
        return points.toSeries(key);
    }

    private static int indexOf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static long parseLong(byte[] d, int from, int to, String source, int line, String what)
            throws ImportException {
        if (from >= to) {
            throw bad(source, line, "empty " + what);
        }
        boolean negative = d[from] == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > 19) {
            throw bad(source, line, what + " '" + text(d, from, to) + "' is not a whole number");
        }
        long v = 0;
        for (; i < to; i++) {
            int digit = d[i] - '0';
            if (digit < 0 || digit > 9) {
                if (d[i] == '.' && what.equals("timestamp")) {
                    return (long) parseDouble(d, from, to, source, line);
                }
                throw bad(source, line, what + " '" + text(d, from, to) + "' is not a whole number");
            }
            v = v * 10 + digit;
        }
        return negative ? -v : v;
    }

    private static double parseDouble(byte[] d, int from, int to, String source, int line) throws ImportException {
        String s = text(d, from, to);
        switch (s) {
            case "nan", "NaN", "-nan":
                return Double.NaN;
            case "inf", "Infinity", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(source, line, "value '" + s + "' is not a number");
        }
    }

    private static String text(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static ImportException bad(String source, int line, String message) {
        return new ImportException(source + ": line " + line + ": " + message);
    }
}
