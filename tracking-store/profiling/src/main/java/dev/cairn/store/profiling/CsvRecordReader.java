package dev.cairn.store.profiling;

import dev.cairn.store.drift.DatasetFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream: quoted fields with doubled quotes and line breaks
 * inside, LF or CRLF line ends. Keeps only one record in memory. A record's line is the line it starts on.
 */
public final class CsvRecordReader {
    private final Reader in;
    private final String source;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();

    CsvRecordReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The line the last record returned by {@link #next()} started on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of input. A blank line is returned as one empty field. */
    String[] next() throws IOException {
        if (!fill()) {
            return null;
        }
        recordLine = line;
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (pos >= len && !fill()) {
                if (quoted) {
                    throw new DatasetFormatException(source, recordLine, "a quoted field is never closed");
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            }
            char ch = buf[pos++];
            if (quoted) {
                if (ch == '"') {
                    if (pos >= len && !fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            switch (ch) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new DatasetFormatException(source, line, "a quote inside an unquoted field "
                                + "(field " + (fields.size() + 1) + ")");
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                case '\r' -> {
                    if ((pos < len || fill()) && buf[pos] == '\n') {
                        pos++;
                    }
                    line++;
                    fields.add(field.toString());
                    return fields.toArray(new String[0]);
                }
                case '\n' -> {
                    line++;
                    fields.add(field.toString());
                    return fields.toArray(new String[0]);
                }
                default -> field.append(ch);
            }
        }
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            len = 0;
            pos = 0;
            return false;
        }
        len = n;
        pos = 0;
        return true;
    }
}
