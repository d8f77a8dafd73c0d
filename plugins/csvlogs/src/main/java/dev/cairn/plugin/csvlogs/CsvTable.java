package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated log file as training loggers write it: a header, then rows. Accepts LF, CRLF, {@code \r\r\n}
 * and CR line ends, a UTF-8 byte-order mark, space-padded cells (YOLOv5), double-quoted cells and blank lines.
 * Every row remembers its physical line number for error messages.
 */
final class CsvTable {

    /** One data row: its 1-based line number in the file and its trimmed cells. */
    record Row(int line, String[] cells) {
    }

    private final Path file;
    private final String[] header;
    private final List<Row> rows;

    private CsvTable(Path file, String[] header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    Path file() {
        return file;
    }

    String[] header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Index of the column named {@code name} (case-sensitive, after trimming), or -1. */
    int column(String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads {@code file}. A row with a different number of cells than the header is an error naming the line,
     * except on the last line, which a writer may still be appending: that one is dropped with a warning.
     */
    static CsvTable read(Path file, java.util.function.Consumer<String> warnings) throws IOException, LogFileException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> lines = splitLines(text);
        int headerIndex = 0;
        while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.size()) {
            throw new LogFileException(file, 1, "empty file, no header");
        }
        String[] header = split(lines.get(headerIndex), file, headerIndex + 1);
        for (int i = 0; i < header.length; i++) {
            if (header[i].isEmpty()) {
                throw new LogFileException(file, headerIndex + 1, "column " + (i + 1) + " of the header has no name");
            }
        }
        int lastNonBlank = lines.size() - 1;
        while (lastNonBlank > headerIndex && lines.get(lastNonBlank).isBlank()) {
            lastNonBlank--;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i <= lastNonBlank; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line, file, i + 1);
            if (cells.length != header.length) {
                String problem = "line has " + cells.length + " cells but the header has " + header.length;
                if (i == lastNonBlank) {
                    warnings.accept(file + ": line " + (i + 1) + ": " + problem
                            + " (last line, probably still being written); ignored");
                    continue;
                }
                throw new LogFileException(file, i + 1, problem);
            }
            rows.add(new Row(i + 1, cells));
        }
        return new CsvTable(file, header, rows);
    }

    /** Reads only the header line of {@code file} (at most 64 KiB); null when unreadable or empty. Never throws. */
    static String[] peekHeader(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            String text = new String(head, StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String first = text.substring(0, end);
            return first.isBlank() ? null : split(first, file, 1);
        } catch (IOException | LogFileException | RuntimeException e) {
            return null;
        }
    }

    /** Splits on LF; strips any CRs before it (CRLF, CR CR LF). A file using only CRs is split on CR. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        boolean crOnly = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0;
        char sep = crOnly ? '\r' : '\n';
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(sep, start);
            if (end < 0) {
                end = text.length();
            }
            int trimmed = end;
            while (trimmed > start && text.charAt(trimmed - 1) == '\r') {
                trimmed--;
            }
            lines.add(text.substring(start, trimmed));
            start = end + 1;
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Splits one line on commas, honouring double quotes; cells are trimmed. */
    static String[] split(String line, Path file, int lineNo) throws LogFileException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new LogFileException(file, lineNo, "unclosed double quote");
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }

    /**
     * Parses a numeric cell: plain numbers plus the spellings Python writes ({@code nan}, {@code inf},
     * {@code -inf}, {@code Infinity}); null for an empty cell.
     */
    static Double number(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return Double.parseDouble(cell);
            }
        }
    }
}
