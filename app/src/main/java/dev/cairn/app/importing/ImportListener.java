package dev.cairn.app.importing;

/** Follows an import: progress for a progress bar, and a cancel button. Called on the importing thread. */
public interface ImportListener {
    /** Does nothing and never cancels. */
    ImportListener NONE = new ImportListener() {
    };

    /** Overall progress in [0, 1] (negative when unknown) and what is being read. */
    default void progress(double fraction, String message) {
    }

    /** A warning, as soon as it is known (it is also in the summary). */
    default void warning(String message) {
    }

    /** True once the user cancelled; the import stops at the next run and reports what it did. */
    default boolean isCancelled() {
        return false;
    }
}
