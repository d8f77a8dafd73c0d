package dev.cairn.store.model;

import java.util.Locale;

/** Status of a run, as MLflow names them. */
public enum RunStatus {
    RUNNING, SCHEDULED, FINISHED, FAILED, KILLED;

    /** True for statuses after which no more points arrive. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }

    /** Parses a status case-insensitively; the message lists the valid names. */
    public static RunStatus parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown run status '" + text
                    + "' (expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED)");
        }
    }
}
