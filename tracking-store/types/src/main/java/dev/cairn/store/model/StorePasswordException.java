package dev.cairn.store.model;

/**
 * A team store's server wants a password that was not given ({@link #missing()}), or refused the one given. The
 * window asks for it again; the command line says to set {@code PGPASSWORD} or {@code ~/.pgpass}.
 */
public class StorePasswordException extends StoreException {
    private final boolean missing;

    public StorePasswordException(String message, boolean missing, Throwable cause) {
        super(message, cause);
        this.missing = missing;
    }

    /** True when no password was given; false when the server refused it. */
    public boolean missing() {
        return missing;
    }
}
