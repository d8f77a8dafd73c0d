package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportException;

import java.nio.file.Path;

/**
 * A log or data file that cannot be read; the message names the file (or source) and the 1-based line, or the byte
 * offset when the problem is below the level of lines (binary formats, see {@link #atOffset}).
 */
public final class LogFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final String problem;

    public LogFileException(Path file, long line, String message) {
        this(String.valueOf(file), line, message);
    }

    /** @param source a file path or another name the user knows the input by */
    public LogFileException(String source, long line, String message) {
        super(oneLine(source) + ": line " + line + ": " + oneLine(message));
        this.source = source;
        this.line = line;
        this.problem = oneLine(message);
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem. */
    public long line() {
        return line;
    }

    /** The problem alone, without source and line. */
    public String problem() {
        return problem;
    }

    private LogFileException(String source, String position, String problem) {
        super(oneLine(source) + ": " + position + ": " + oneLine(problem));
        this.source = source;
        this.line = 0;
        this.problem = oneLine(problem);
    }

    /** {@code text} on one line, escaped as {@link ImportException#oneLine} does it. */
    static String oneLine(String text) {
        return ImportException.oneLine(text);
    }

    /** A binary file that cannot be read at byte {@code offset}: "file: offset N: message"; {@link #line()} is 0. */
    public static LogFileException atOffset(Path file, long offset, String message) {
        return new LogFileException(String.valueOf(file), "offset " + offset, message);
    }
}
