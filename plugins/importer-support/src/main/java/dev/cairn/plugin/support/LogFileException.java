package dev.cairn.plugin.support;

import java.nio.file.Path;

/** A CSV or YAML log file that cannot be read; the message names the file and line. */
public final class LogFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogFileException(Path file, int line, String message) {
        super(file + ": line " + line + ": " + message);
    }
}
