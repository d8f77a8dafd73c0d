package dev.cairn.plugin.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one reader of comma- or tab-separated text in Cairn (training logs, dvclive series, drift datasets), on
 * Jackson's CSV parser: RFC 4180 quoting (doubled quotes, line breaks inside quotes), any line end, a byte order mark,
 * strict UTF-8. One record in memory at a time. Every problem is a {@link LogFileException} naming the source and
 * the line (and the byte offset for bytes that are not UTF-8).
 *
 * <p>A last line without its line end is what a file still being written looks like: in
 * {@link Builder#dropIncompleteLastLine() that mode} it is dropped with a warning naming source and line, and never
 * read as a (cut) value.
 */
public final class DelimitedTextReader implements AutoCloseable {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final CsvParser parser;
    private final LineEndReader text;
    private final String source;
    private final boolean trim;
    private final boolean skipBlankLines;
    private final boolean dropIncompleteLastLine;
    private final Consumer<String> warnings;
    private String[] pending;
    private long pendingLine;
    private long recordLine;
    private int field;
    private int width = 16;
    private boolean primed;
    private long lastReadLine;
    private boolean closeInput;

    private DelimitedTextReader(Builder b, java.io.Reader in) throws IOException {
        this.source = b.source;
        this.trim = b.trim;
        this.skipBlankLines = b.skipBlankLines;
        this.dropIncompleteLastLine = b.dropIncompleteLastLine;
        this.warnings = b.warnings;
        this.text = new LineEndReader(in, b.collapseLineEnds);
        this.parser = FACTORY.createParser(text);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(b.separator));
    }

    /** A reader of comma-separated text named {@code source} in messages. */
    public static Builder csv(String source) {
        return new Builder(source, ',');
    }

    /** A reader of tab-separated text named {@code source} in messages. */
    public static Builder tsv(String source) {
        return new Builder(source, '\t');
    }

    /** How to read; {@link #open(InputStream)} or {@link #open(Path)} starts. */
    public static final class Builder {
        private final String source;
        private final char separator;
        private boolean trim;
        private boolean skipBlankLines;
        private boolean dropIncompleteLastLine;
        private boolean collapseLineEnds;
        private Consumer<String> warnings = w -> { };

        private Builder(String source, char separator) {
            this.source = source;
            this.separator = separator;
        }

        /** Strips spaces around every cell (space-padded logs such as YOLOv5's). */
        public Builder trimCells() {
            this.trim = true;
            return this;
        }

        /** Skips lines holding nothing but spaces. */
        public Builder skipBlankLines() {
            this.skipBlankLines = true;
            return this;
        }

        /**
         * Counts every line end (LF, CRLF, {@code \r\r\n}, a lone CR) as one line, as an editor shows a log
         * written by Python on Windows; line breaks inside quoted cells become LF.
         */
        public Builder collapseLineEnds() {
            this.collapseLineEnds = true;
            return this;
        }

        /** Drops a last line that has no line end (still being written), passing a warning to {@code warnings}. */
        public Builder dropIncompleteLastLine(Consumer<String> warnings) {
            this.dropIncompleteLastLine = true;
            this.warnings = warnings;
            return this;
        }

        /** Reads UTF-8 from {@code in} (strictly: a bad byte is an error naming line and offset); closing the reader does not close it. */
        public DelimitedTextReader open(InputStream in) throws IOException {
            return new DelimitedTextReader(this, new StrictUtf8Reader(in));
        }

        /** Reads text already decoded by {@code in}; closing the reader does not close it. */
        public DelimitedTextReader open(java.io.Reader in) throws IOException {
            return new DelimitedTextReader(this, in);
        }

        /** Reads {@code file} and closes it with the reader. */
        public DelimitedTextReader open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                DelimitedTextReader reader = new DelimitedTextReader(this, new StrictUtf8Reader(in));
                reader.closeInput = true;
                return reader;
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
    }

    /** The source name used in messages. */
    public String source() {
        return source;
    }

    /** The line the record last returned by {@link #next()} started on. */
    public long line() {
        return recordLine;
    }

    /** The next record, or null at the end of input. A blank line (when not skipped) is one empty cell. */
    public String[] next() throws IOException, LogFileException {
        if (!dropIncompleteLastLine) {
            String[] r = read();
            recordLine = lastReadLine;
            return r;
        }
        // one record ahead: only at the end of input is it known whether the last line had its line end
        if (!primed) {
            primed = true;
            pending = read();
            pendingLine = lastReadLine;
        }
        if (pending == null) {
            return null;
        }
        String[] current = pending;
        long currentLine = pendingLine;
        pending = read();
        pendingLine = lastReadLine;
        if (pending == null && !text.endsWithLineEnd()) {
            warnings.accept(source + ": line " + currentLine + ": the last line has no line end (the file is "
                    + "probably still being written); ignored");
            return null;
        }
        recordLine = currentLine;
        return current;
    }

    /** Parses a cell as a number by {@link Numbers#parse}; an error names the source, line and column. */
    public double number(String column, String cell) throws LogFileException {
        try {
            return Numbers.parse(cell);
        } catch (NumberFormatException e) {
            throw new LogFileException(source, recordLine, "column '" + column + "': " + e.getMessage());
        }
    }

    /** An error about the record last returned, naming the source and its line. */
    public LogFileException error(String problem) {
        return new LogFileException(source, recordLine, problem);
    }

    private String[] read() throws IOException, LogFileException {
        while (true) {
            String[] record = readRecord();
            if (record == null) {
                return null;
            }
            if (skipBlankLines && record.length == 1 && record[0].isBlank()) {
                continue;
            }
            return record;
        }
    }

    private String[] readRecord() throws IOException, LogFileException {
        field = 0;
        try {
            JsonToken start = parser.nextToken();
            if (start == null) {
                return null;
            }
            if (start != JsonToken.START_ARRAY) {
                throw new LogFileException(source, currentLine(), "expected a record, found " + start);
            }
            lastReadLine = parser.currentLocation().getLineNr();
            String[] cells = new String[width];
            String cell;
            while ((cell = parser.nextTextValue()) != null) {
                if (field == cells.length) {
                    cells = Arrays.copyOf(cells, field * 2);
                }
                cells[field++] = trim ? cell.strip() : cell;
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new LogFileException(source, currentLine(), "expected the end of a record, found "
                        + parser.currentToken());
            }
            width = Math.max(field, 1);
            return field == cells.length ? cells : Arrays.copyOf(cells, field);
        } catch (StreamConstraintsException e) {
            throw new LogFileException(source, fieldLine(), "field " + (field + 1) + " is longer than "
                    + String.format(Locale.ROOT, "%,d", parser.streamReadConstraints().getMaxStringLength())
                    + " characters (is a quote never closed?)");
        } catch (JsonProcessingException e) {
            String problem = String.valueOf(e.getOriginalMessage());
            if (problem.startsWith("Missing closing quote")) {
                throw new LogFileException(source, fieldLine(), "a quoted field is never closed");
            }
            if (problem.contains("Expected column separator")) {
                throw new LogFileException(source, e.getLocation() == null ? currentLine()
                        : e.getLocation().getLineNr(), "field " + (field + 1)
                        + " has text after its closing quote (a quote inside a field must be doubled)");
            }
            throw new LogFileException(source, e.getLocation() == null ? currentLine()
                    : e.getLocation().getLineNr(), problem);
        } catch (StrictUtf8Reader.MalformedInputException e) {
            throw new LogFileException(source, currentLine(), "the file is not valid UTF-8 (" + e.getMessage() + ")");
        } catch (CharacterCodingException e) {
            // a reader given by the caller decodes ahead in blocks: the parser may be a few lines before the problem
            throw new LogFileException(source, currentLine(), "the text cannot be decoded at or after this line ("
                    + e + ")");
        }
    }

    /**
     * The first record of {@code file} (at most 64 KiB read), cells trimmed; null when the file is empty or
     * unreadable. Never throws: for probing.
     */
    public static String[] peekHeader(Path file, char separator) {
        try (InputStream in = Files.newInputStream(file);
             DelimitedTextReader r = new Builder(String.valueOf(file), separator).trimCells().skipBlankLines()
                     .collapseLineEnds()
                     .open(new java.io.ByteArrayInputStream(in.readNBytes(64 * 1024)))) {
            return r.next();
        } catch (IOException | LogFileException | RuntimeException e) {
            return null;
        }
    }

    /** Reads every remaining record (small files only). */
    public List<String[]> readAll() throws IOException, LogFileException {
        List<String[]> out = new ArrayList<>();
        for (String[] r = next(); r != null; r = next()) {
            out.add(r);
        }
        return out;
    }

    private long fieldLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    private long currentLine() {
        return parser.currentLocation().getLineNr();
    }

    /** Releases the parser and closes the input when it was opened from a path. */
    @Override
    public void close() throws IOException {
        parser.close();
        if (closeInput) {
            text.close();
        }
    }
}
