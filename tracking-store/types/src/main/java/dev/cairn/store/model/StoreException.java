package dev.cairn.store.model;

/**
 * A store operation failed. The message is written for the user (no SQL, no stack trace needed); the cause,
 * when present, carries the technical detail for logs.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
