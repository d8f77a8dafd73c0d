package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.DelimitedTextReader;
import dev.cairn.plugin.support.JsonFiles;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.YamlFiles;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One DVC plots data file as a table, read as DVC reads it: {@code .csv} and {@code .tsv} with a header line;
 * {@code .json} and {@code .yaml} a list of objects, or an object whose first list value is that list
 * ({@code {"train": [{"step": 0, "loss": 1.2}, ...]}}). Cells are kept as text; {@link #where(int)} names a row as
 * a line (delimited files) or an entry (JSON / YAML) for messages.
 *
 * @param file    the data file
 * @param columns column names in first-seen order
 * @param rows    one cell per column ({@code ""} where a JSON entry has no such key)
 * @param lines   per row, its line in the file (delimited files), or 0 (JSON / YAML: the entry number is used)
 */
record PlotTable(Path file, List<String> columns, List<String[]> rows, List<Long> lines) {
    /** True for the data files DVC plots (images and other files are not data). */
    static boolean isData(Path file) {
        String ext = extension(file);
        return ext.equals("csv") || ext.equals("tsv") || isStructured(file);
    }

    static boolean isStructured(Path file) {
        String ext = extension(file);
        return ext.equals("json") || ext.equals("yaml") || ext.equals("yml");
    }

    static String extension(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static PlotTable read(Path file, Consumer<String> warnings) throws IOException, LogFileException {
        return isStructured(file) ? structured(file) : delimited(file, warnings);
    }

    /** "file: line N" or "file: entry N". */
    String where(int row) {
        long line = lines.get(row);
        return file + (line > 0 ? ": line " + line : ": entry " + (row + 1));
    }

    private static PlotTable delimited(Path file, Consumer<String> warnings) throws IOException, LogFileException {
        DelimitedTextReader.Builder builder = extension(file).equals("tsv") ? DelimitedTextReader.tsv(file.toString())
                : DelimitedTextReader.csv(file.toString());
        try (DelimitedTextReader in = builder.trimCells().skipBlankLines().collapseLineEnds()
                .dropIncompleteLastLine(warnings).open(file)) {
            String[] header = in.next();
            if (header == null) {
                throw new LogFileException(file, 1, "empty file, no header");
            }
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (String[] cells = in.next(); cells != null; cells = in.next()) {
                if (cells.length != header.length) {
                    throw in.error("line has " + cells.length + " cells but the header has " + header.length);
                }
                rows.add(cells);
                lines.add(in.line());
            }
            return new PlotTable(file, List.of(header), rows, lines);
        }
    }

    private static PlotTable structured(Path file) throws IOException, LogFileException {
        JsonNode root = extension(file).equals("json") ? JsonFiles.read(file) : YamlFiles.read(file);
        JsonNode list = firstList(root);
        if (list == null) {
            throw new LogFileException(file, 1, "expected a list of entries (or an object holding one)");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Map<String, String>> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            Map<String, String> cells = new LinkedHashMap<>();
            if (entry.isObject()) {
                entry.fields().forEachRemaining(f -> {
                    if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                        index.putIfAbsent(f.getKey(), index.size());
                        cells.put(f.getKey(), f.getValue().asText());
                    }
                });
            }
            entries.add(cells);
        }
        List<String> columns = List.copyOf(index.keySet());
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (Map<String, String> cells : entries) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = cells.getOrDefault(columns.get(i), "");
            }
            rows.add(row);
            lines.add(0L);
        }
        return new PlotTable(file, columns, rows, lines);
    }

    private static JsonNode firstList(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        if (node.isObject()) {
            for (JsonNode value : node) {
                JsonNode found = firstList(value);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
