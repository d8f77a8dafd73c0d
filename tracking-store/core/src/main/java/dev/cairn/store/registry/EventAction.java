package dev.cairn.store.registry;

import java.util.Locale;

/** What a registry history event did. */
public enum EventAction {
    /** A version was registered (stage None). */
    REGISTER,
    /** A version moved to Staging or Production. */
    PROMOTE,
    /** A version moved to Archived (by hand, or because another version was promoted over it). */
    ARCHIVE,
    /** An alias was pointed at a version. */
    SET_ALIAS,
    /** An alias was removed. */
    REMOVE_ALIAS,
    /** A stage or alias went back to the version that held it before; names both versions. */
    ROLLBACK,
    /**
     * A version's stage or an alias as found in another registry (an MLflow import), with the source's user and
     * time; counts as taking the stage or alias for rollbacks.
     */
    IMPORT,
    /** A monitoring rule held on a batch of the version; the detail says which rule and value. */
    ALERT,
    /** A version moved back to stage None (MLflow's transition to None). */
    UNSTAGE,
    /**
     * A version was deleted: it is gone from every read, its aliases were removed first (REMOVE_ALIAS events), its
     * number is never given again, and rollbacks skip it.
     */
    DELETE,
    /**
     * The model was deleted. Recorded last in the deleted model's history, which is kept in the store but no longer
     * reachable: the name belongs to no model until registered again, which starts a new model and history.
     */
    DELETE_MODEL;

    /** Lower-case label as stored and printed: "promote", "set_alias", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventAction fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
