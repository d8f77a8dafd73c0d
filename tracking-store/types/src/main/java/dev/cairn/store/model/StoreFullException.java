package dev.cairn.store.model;

/**
 * The disk (or the database server's disk) holding the store is full. Nothing of the failing unit of work was
 * written; the store stays consistent and the same call succeeds once there is room again. Callers writing many
 * units (an import) stop at the first one instead of failing each in turn.
 */
public class StoreFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
