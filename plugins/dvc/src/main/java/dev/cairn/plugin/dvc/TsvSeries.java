package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.SeriesCollector;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one dvclive metric file: tab-separated with a header naming {@code step}, optionally {@code timestamp}
 * (ms since the epoch, dvclive 0.x), and one value column whose name may or may not carry the metric's folder
 * prefix ({@code train/acc} or {@code acc}); the metric key comes from the file's path, not the header.
 * LF, CRLF and {@code \r\r\n} line ends; a torn last line is dropped with a warning.
 */
final class TsvSeries {
    private TsvSeries() {
    }

    static void read(Path file, String key, SeriesCollector out, Consumer<String> warnings)
            throws IOException, LogFileException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1;
        while (last >= 0 && lines[last].replace("\r", "").isBlank()) {
            last--;
        }
        if (last < 0) {
            throw new LogFileException(file, 1, "empty file, no header");
        }
        String[] header = cells(lines[0]);
        int step = -1;
        int timestamp = -1;
        int value = -1;
        for (int i = 0; i < header.length; i++) {
            switch (header[i].toLowerCase(Locale.ROOT)) {
                case "step" -> step = i;
                case "timestamp" -> timestamp = i;
                default -> value = i;
            }
        }
        if (value < 0) {
            throw new LogFileException(file, 1, "header has no value column (expected e.g. 'step<TAB>" + key + "')");
        }
        for (int i = 1; i <= last; i++) {
            String line = lines[i].replace("\r", "");
            if (line.isBlank()) {
                continue;
            }
            String[] cells = cells(line);
            if (cells.length != header.length) {
                String problem = "line has " + cells.length + " cells but the header has " + header.length;
                if (i == last) {
                    warnings.accept(file + ": line " + (i + 1) + ": " + problem
                            + " (last line, probably still being written); ignored");
                    continue;
                }
                throw new LogFileException(file, i + 1, problem);
            }
            long s = step >= 0 ? (long) number(file, i + 1, header[step], cells[step], true) : i - 1;
            long t = timestamp >= 0 ? (long) number(file, i + 1, header[timestamp], cells[timestamp], true) : 0L;
            out.add(key, s, t, number(file, i + 1, header[value], cells[value], false));
        }
    }

    private static String[] cells(String line) {
        String[] cells = line.replace("\r", "").split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static double number(Path file, int line, String column, String cell, boolean whole)
            throws LogFileException {
        double v;
        try {
            v = switch (cell.toLowerCase(Locale.ROOT)) {
                case "nan" -> Double.NaN;
                case "inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(cell);
            };
        } catch (NumberFormatException e) {
            throw new LogFileException(file, line, "column '" + column + "': '" + cell + "' is not a number");
        }
        if (whole && (v != Math.rint(v) || Double.isInfinite(v))) {
            throw new LogFileException(file, line, "column '" + column + "': '" + cell + "' is not a whole number");
        }
        return v;
    }
}
