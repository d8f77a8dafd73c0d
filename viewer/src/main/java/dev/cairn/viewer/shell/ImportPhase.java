package dev.cairn.viewer.shell;

/** Where the import sheet stands. */
public enum ImportPhase {
    /** No sheet. */
    HIDDEN,
    /** Probing the paths and counting their runs (a dry run). */
    DETECTING,
    /** Shows what was detected; waits for Import or Cancel. */
    READY,
    /** Importing, with progress and Cancel. */
    IMPORTING,
    /** Shows the summary with warnings. */
    DONE
}
