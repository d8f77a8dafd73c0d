package dev.cairn.store.model;

/**
 * The open store's file was deleted, moved away or replaced by another file. From then on the open store refuses
 * every call with this exception: it never reads the file now at that path as if it were the store it opened, never
 * writes into it, and never creates a new empty store there. Reopen the path to see what is there now.
 */
public class StoreGoneException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreGoneException(String message) {
        super(message);
    }
}
