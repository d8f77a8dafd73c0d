package dev.cairn.store.registry;

import java.util.Locale;

/** Whether a model version's files are usable: READY, FAILED (registration failed) or PENDING. */
public enum VersionStatus {
    READY, FAILED, PENDING;

    /** Parses a status case-insensitively; the message lists the valid names. */
    public static VersionStatus parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown version status '" + text
                    + "' (expected READY, FAILED or PENDING)");
        }
    }
}
