package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.DelimitedTextReader;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.Numbers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated log file as training loggers write it: a header, then rows, read by the shared
 * {@link DelimitedTextReader} (any line end, a byte-order mark, space-padded cells as YOLOv5 writes, quoted cells,
 * blank lines). Every row remembers its line number for error messages.
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
     * Reads {@code file} with the shared {@link DelimitedTextReader}. A last line without its line end (a writer
     * still appending) is dropped with a warning naming file and line; a row with a different number of cells than
     * the header is an error naming its line; so is text that is not UTF-8.
     */
    static CsvTable read(Path file, java.util.function.Consumer<String> warnings) throws IOException, LogFileException {
        try (DelimitedTextReader in = DelimitedTextReader.csv(String.valueOf(file)).trimCells().skipBlankLines()
                .collapseLineEnds().dropIncompleteLastLine(warnings).open(file)) {
            String[] header = in.next();
            if (header == null) {
                throw new LogFileException(file, 1, "empty file, no header");
            }
            for (int i = 0; i < header.length; i++) {
                if (header[i].isEmpty()) {
                    throw in.error("column " + (i + 1) + " of the header has no name");
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String[] cells = in.next(); cells != null; cells = in.next()) {
                if (cells.length != header.length) {
                    throw in.error("line has " + cells.length + " cells but the header has " + header.length);
                }
                rows.add(new Row((int) in.line(), cells));
            }
            return new CsvTable(file, header, rows);
        }
    }

    /** Reads only the header line of {@code file} (at most 64 KiB); null when unreadable or empty. Never throws. */
    static String[] peekHeader(Path file) {
        return DelimitedTextReader.peekHeader(file, ',');
    }

    /**
     * Parses a numeric cell by the shared {@link Numbers} rule; null for an empty cell.
     *
     * @throws NumberFormatException when it is not a number
     */
    static Double number(String cell) {
        return cell.isEmpty() ? null : Numbers.parse(cell);
    }
}
