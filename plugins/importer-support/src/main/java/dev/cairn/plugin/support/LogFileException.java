package dev.cairn.plugin.support;

import java.nio.file.Path;

/** A log file that cannot be read; the message names the file and the line (text) or byte offset (binary). */
public final class LogFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogFileException(Path file, int line, String message) {
        super(file + ": line " + line + ": " + message);
    }

    private LogFileException(String message) {
        super(message);
    }

    /** A binary file that cannot be read at byte {@code offset}: "file: offset N: message". */
    public static LogFileException atOffset(Path file, long offset, String message) {
        return new LogFileException(file + ": offset " + offset + ": " + message);
    }
}
