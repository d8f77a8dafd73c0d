package dev.cairn.store.profiling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.cairn.store.drift.DatasetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads RFC 4180 CSV one record at a time from a stream with Jackson's CSV parser: quoted fields with doubled
 * quotes and line breaks inside, LF, CRLF or CR line ends, a byte order mark at the start skipped. Keeps only one
 * record in memory. A record's line is the line it starts on; problems become {@link DatasetFormatException}s
 * naming the source and line.
 */
final class CsvRecordReader implements AutoCloseable {
    /** No schema: every record comes as an array of strings, the header being the first one. */
    private static final CsvFactory CSV = CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final CsvParser parser;
    private final String source;
    private long recordLine;
    private int width = 16;
    private int field;

    /** Reads text already decoded by {@code in}; closing this reader does not close {@code in}. */
    CsvRecordReader(Reader in, String source) throws IOException {
        this.source = source;
        this.parser = CSV.createParser(skipByteOrderMark(in));
    }

    /** Reads UTF-8 bytes; invalid bytes are reported with their line. Closing this does not close {@code in}. */
    CsvRecordReader(InputStream in, String source) throws IOException {
        this(new Utf8Reader(in), source);
    }

    private Reader skipByteOrderMark(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first;
        try {
            first = r.read();
        } catch (CharacterCodingException e) {
            throw decodingError(e, 1);
        }
        if (first >= 0 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    /** The line the last record returned by {@link #next()} started on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of input. A blank line is returned as one empty field. */
    String[] next() throws IOException {
        field = 0;
        try {
            JsonToken start = parser.nextToken();
            if (start == null) {
                parser.close();
                return null;
            }
            if (start != JsonToken.START_ARRAY) {
                throw new IllegalStateException("expected a record, the CSV parser gave " + start);
            }
            recordLine = parser.currentLocation().getLineNr();
            String[] cells = new String[width];
            String cell;
            while ((cell = parser.nextTextValue()) != null) {
                if (field == cells.length) {
                    cells = Arrays.copyOf(cells, field * 2);
                }
                cells[field++] = cell;
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalStateException("expected the end of a record, the CSV parser gave "
                        + parser.currentToken());
            }
            width = Math.max(field, 1);
            return field == cells.length ? cells : Arrays.copyOf(cells, field);
        } catch (StreamConstraintsException e) {
            throw new DatasetFormatException(source, fieldLine(), "field " + (field + 1) + " is longer than "
                    + String.format(Locale.ROOT, "%,d", parser.streamReadConstraints().getMaxStringLength())
                    + " characters (is a quote never closed?)");
        } catch (JsonProcessingException e) {
            String problem = String.valueOf(e.getOriginalMessage());
            if (problem.startsWith("Missing closing quote")) {
                throw new DatasetFormatException(source, fieldLine(), "a quoted field is never closed");
            }
            if (problem.contains("Expected column separator")) {
                throw new DatasetFormatException(source, e.getLocation().getLineNr(), "field " + (field + 1)
                        + " has text after its closing quote (a quote inside a field must be doubled)");
            }
            throw new DatasetFormatException(source, e.getLocation() == null ? currentLine()
                    : e.getLocation().getLineNr(), problem);
        } catch (CharacterCodingException e) {
            throw decodingError(e, currentLine());
        }
    }

    private DatasetFormatException decodingError(CharacterCodingException e, long line) {
        if (e instanceof MalformedUtf8Exception) {
            return new DatasetFormatException(source, line, "the file is not valid UTF-8 (" + e.getMessage() + ")");
        }
        // a reader given by the caller decodes ahead in blocks: the parser may be a few lines before the problem
        return new DatasetFormatException(source, line, "the text cannot be decoded at or after this line (" + e + ")");
    }

    /** Releases the parser's buffers; does not close the input. */
    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The line the field being read starts on. */
    private long fieldLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    private long currentLine() {
        return parser.currentLocation().getLineNr();
    }

    /** An invalid byte sequence at a byte offset of the input. */
    static final class MalformedUtf8Exception extends CharacterCodingException {
        private final long offset;
        private final String bytes;

        MalformedUtf8Exception(long offset, String bytes) {
            this.offset = offset;
            this.bytes = bytes;
        }

        @Override
        public String getMessage() {
            return String.format(Locale.ROOT, "%s at byte %,d of the file", bytes, offset);
        }
    }

    /**
     * Decodes UTF-8 strictly, and on an invalid byte first hands over the text before it, failing only on the next
     * read: a parser reading from it stands on the bad byte's line when it fails.
     */
    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        /** File offset of {@code bytes}' index 0. */
        private long base;
        private boolean eof;
        private boolean flushed;
        private MalformedUtf8Exception failure;

        Utf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (len == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (!flushed) {
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    failure = malformed(result.length());
                    if (out.position() > off) {
                        break;
                    }
                    throw failure;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (eof) {
                    if (decoder.flush(out).isOverflow()) {
                        break;
                    }
                    flushed = true;
                } else if (out.position() > off) {
                    break;
                } else {
                    fill();
                }
            }
            int n = out.position() - off;
            return n == 0 && flushed ? -1 : n;
        }

        private MalformedUtf8Exception malformed(int length) {
            StringBuilder bad = new StringBuilder(length > 1 ? "bytes" : "byte");
            for (int i = 0; i < length; i++) {
                bad.append(String.format(Locale.ROOT, " 0x%02X", bytes.get(bytes.position() + i) & 0xFF));
            }
            return new MalformedUtf8Exception(base + bytes.position() + 1, bad.toString());
        }

        private void fill() throws IOException {
            base += bytes.position();
            bytes.compact();
            int n;
            do {
                n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            } while (n == 0);
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
