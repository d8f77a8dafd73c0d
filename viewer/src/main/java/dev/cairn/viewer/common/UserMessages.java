package dev.cairn.viewer.common;

import dev.cairn.store.model.StoreException;

/** Turns a failure into one line for the user; technical detail stays in the log. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && !(e instanceof StoreException) && !(e instanceof IllegalArgumentException)
                && (e.getMessage() == null || e instanceof java.util.concurrent.ExecutionException)) {
            e = e.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Something went wrong (" + e.getClass().getSimpleName() + "). See the log for details.";
        }
        return firstLine(message);
    }

    /** The first non-blank line: a driver's "Detail:" and "Where:" lines stay in the log. */
    private static String firstLine(String message) {
        for (String line : message.strip().split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return message.strip();
    }
}
