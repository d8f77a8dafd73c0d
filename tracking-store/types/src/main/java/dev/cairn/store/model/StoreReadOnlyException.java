package dev.cairn.store.model;

/** A write was attempted on a store that is open read-only. */
public final class StoreReadOnlyException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreReadOnlyException(String message) {
        super(message);
    }
}
