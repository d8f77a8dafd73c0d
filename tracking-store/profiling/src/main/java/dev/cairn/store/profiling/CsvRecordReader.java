package dev.cairn.store.profiling;

import dev.cairn.plugin.support.DelimitedTextReader;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.store.drift.DatasetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The drift profiler's view of the shared {@link DelimitedTextReader}: RFC 4180 CSV one record at a time, cells
 * as written (no trimming), a blank line as one empty field, a last line without line end kept (a dataset file is
 * complete, not being appended to). Problems become {@link DatasetFormatException}s naming the source and line.
 */
final class CsvRecordReader implements AutoCloseable {
    private final DelimitedTextReader reader;

    /** Reads text already decoded by {@code in}; closing this reader does not close {@code in}. */
    CsvRecordReader(Reader in, String source) throws IOException {
        this.reader = DelimitedTextReader.csv(source).open(in);
    }

    /** Reads UTF-8 bytes; invalid bytes are reported with their line. Closing this does not close {@code in}. */
    CsvRecordReader(InputStream in, String source) throws IOException {
        this.reader = DelimitedTextReader.csv(source).open(in);
    }

    /** The line the last record returned by {@link #next()} started on. */
    long recordLine() {
        return reader.line();
    }

    /** The next record, or null at the end of input. A blank line is returned as one empty field. */
    String[] next() throws IOException {
        try {
            return reader.next();
        } catch (LogFileException e) {
            throw new DatasetFormatException(e.source(), e.line(), e.problem());
        }
    }

    /** Releases the parser's buffers; does not close the input. */
    @Override
    public void close() throws IOException {
        reader.close();
    }
}
