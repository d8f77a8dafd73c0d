package dev.cairn.viewer.shell;

/** Follows an import from its background thread: progress for the sheet's bar, and its Cancel button. */
public interface ImportProgress {

    /** Overall progress in [0, 1] (negative when unknown) and what is being read. */
    void progress(double fraction, String message);

    /** True once the user pressed Cancel; the import stops at the next run and reports what it did. */
    boolean isCancelled();
}
