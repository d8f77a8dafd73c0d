package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.ProtoCursor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one TFRecord event file into a {@link RunData}. A torn or corrupt record at the very end of the file (a
 * writer still appending) is tolerated with a warning; a corrupt record followed by more data throws
 * {@link EventFileException} naming the file and byte offset.
 */
final class EventFileParser {
    static final int BUFFER_SIZE = 1 << 20;

    private final EventDecoder decoder = new EventDecoder();

    /** Parses {@code file} into {@code run}; returns the number of bytes read. */
    long parse(Path file, RunData run, Consumer<String> warnings) throws EventFileException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            TfRecordReader reader = new TfRecordReader(in, BUFFER_SIZE);
            while (true) {
                TfRecordReader.Result result;
                try {
                    result = reader.next();
                } catch (TfRecordReader.CorruptRecordException e) {
                    if (reader.atEnd()) {
                        warnings.accept(file + ": last record at byte offset " + e.offset()
                                + " is corrupt (" + e.getMessage() + "); ignored");
                        return e.offset();
                    }
                    throw new EventFileException(file, e.offset(), e.getMessage());
                }
                switch (result) {
                    case END:
                        return reader.recordOffset();
                    case TORN:
                        warnings.accept(file + ": file ends inside a record at byte offset " + reader.recordOffset()
                                + " (still being written?); the partial record is ignored");
                        return reader.recordOffset();
                    default:
                        break;
                }
                try {
                    decoder.decode(reader.buffer(), reader.recordStart(),
                            reader.recordStart() + reader.recordLength(), run);
                } catch (ProtoCursor.MalformedProtoException e) {
                    throw new EventFileException(file, reader.recordOffset(),
                            "record is not a TensorBoard event (" + e.getMessage() + ") at byte offset "
                                    + reader.recordOffset());
                }
            }
        }
    }

    /** An event file that cannot be read past some byte offset. */
    static final class EventFileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final long offset;

        EventFileException(Path file, long offset, String message) {
            super(file + ": " + message);
            this.file = file;
            this.offset = offset;
        }

        Path file() {
            return file;
        }

        long offset() {
            return offset;
        }
    }
}
