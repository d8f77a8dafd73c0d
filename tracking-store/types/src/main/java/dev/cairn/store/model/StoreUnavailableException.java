package dev.cairn.store.model;

/**
 * The store's server cannot be reached: it is down, the connection dropped, the password is wrong or the database
 * does not exist. Nothing was half-written; the same call may succeed once the server is back.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
