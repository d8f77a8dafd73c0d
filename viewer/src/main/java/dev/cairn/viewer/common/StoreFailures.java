package dev.cairn.viewer.common;

import dev.cairn.store.model.StoreGoneException;
import dev.cairn.store.model.StorePasswordException;
import dev.cairn.store.model.StoreUnavailableException;

import java.util.Locale;

/**
 * What kind of failure a store call had, for the window's reaction (retry quietly, ask for a password). The adapter
 * between the store's exceptions and the viewer, like {@code FilterError}: an unreachable server is a
 * {@link StoreUnavailableException}; a missing or refused password a {@link StorePasswordException} (or, from an
 * older store, the driver's message: pgjdbc's "no password was provided", the server's "password authentication
 * failed").
 */
public final class StoreFailures {
    /** Why a login failed for the password. */
    public enum PasswordProblem {
        /** The server wants a password and none was given (none in PGPASSWORD or the password file). */
        MISSING,
        /** The server refused the password. */
        REFUSED
    }

    private StoreFailures() {
    }

    /** True when {@code failure} (or a cause) says the store's server cannot be reached right now. */
    public static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one-line reason when {@code failure} (or a cause) says the open store's file was deleted, moved or replaced
     * (the store must be reopened; polling again will not help); else null.
     */
    public static String gone(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof StoreGoneException) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** The password problem behind {@code failure}, or null when it is something else. */
    public static PasswordProblem passwordProblem(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof StorePasswordException p) {
                return p.missing() ? PasswordProblem.MISSING : PasswordProblem.REFUSED;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no password was provided")) {
                return PasswordProblem.MISSING;
            }
            if (message.contains("password authentication failed")) {
                return PasswordProblem.REFUSED;
            }
        }
        return null;
    }
}
