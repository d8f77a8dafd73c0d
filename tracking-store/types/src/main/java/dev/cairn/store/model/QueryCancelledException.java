package dev.cairn.store.model;

/**
 * A store read was stopped because its caller cancelled it (see {@code dev.cairn.store.ReadCancellation}): the
 * answer is no longer wanted. Not a failure of the store: nothing was written or lost, the store's connection stays
 * usable, and the same read made again without the cancellation answers as usual.
 */
public class QueryCancelledException extends StoreException {
    private static final long serialVersionUID = 1L;

    public QueryCancelledException(String message) {
        super(message);
    }

    public QueryCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
