package dev.cairn.plugin.csvlogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: computes expected per-column count/last/min/max straight from a raw CSV file with plain string
 * splitting (independent of the importer's parser). {@code last} follows MLflow: value at the highest step,
 * ties broken by the largest value (the logs have no timestamps).
 */
final class RawCsv {
    record Expected(long count, long lastStep, double last, double min, double max) {
    }

    private RawCsv() {
    }

    static List<String[]> rows(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
            String l = line.replace("\r", "");
            if (!l.isBlank()) {
                out.add(l.split(",", -1));
            }
        }
        return out;
    }

    /** Expected summaries for every column but {@code stepColumn}, by trimmed header name. */
    static Map<String, Expected> expected(List<String[]> rows, int stepColumn) {
        String[] header = rows.get(0);
        Map<String, Expected> out = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (c == stepColumn) {
                continue;
            }
            long count = 0;
            long lastStep = Long.MIN_VALUE;
            double last = Double.NaN;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 1; r < rows.size(); r++) {
                String cell = rows.get(r)[c].strip();
                if (cell.isEmpty()) {
                    continue;
                }
                double v = Double.parseDouble(cell);
                long step = stepColumn >= 0 ? Long.parseLong(rows.get(r)[stepColumn].strip()) : r - 1;
                count++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (step > lastStep || (step == lastStep && v > last)) {
                    lastStep = step;
                    last = v;
                }
            }
            if (count > 0) {
                out.put(header[c].strip(), new Expected(count, lastStep, last, min, max));
            }
        }
        return out;
    }
}
