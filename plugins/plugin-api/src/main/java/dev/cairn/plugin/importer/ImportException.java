package dev.cairn.plugin.importer;

/** Nothing could be imported from a path; the message names the file and, where known, the line or byte offset. */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
