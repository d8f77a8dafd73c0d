package dev.cairn.store.model;

import java.util.Locale;

/** Soft-delete state of an experiment or run. */
public enum Lifecycle {
    ACTIVE, DELETED;

    /** "active" or "deleted", as stored and printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lifecycle fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
