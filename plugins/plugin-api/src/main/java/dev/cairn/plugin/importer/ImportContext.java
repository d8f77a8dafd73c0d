package dev.cairn.plugin.importer;

import java.nio.file.Path;
import java.util.Optional;

/** What an import run can ask of Cairn: progress, cancellation, warnings, per-source failures, options. */
public interface ImportContext {

    /** Reports progress: {@code fraction} in [0, 1], or a negative value when unknown. */
    void progress(double fraction, String message);

    /** True once the user cancelled; the importer should stop at the next run boundary. */
    boolean isCancelled();

    /** A problem that did not stop a run from importing (e.g. a torn last record of a file still being written). */
    void warn(String message);

    /** A source (file, run folder) that could not be imported; the import goes on with the others. */
    void fail(String source, String message);

    /**
     * The experiment every run goes to when the user chose one ({@code --experiment}). The sink applies it, so
     * importers may ignore it; it is here for importers that name things after the experiment.
     */
    Optional<String> experimentOverride();

    /** True for a dry run: the sink counts and validates but writes nothing. */
    boolean dryRun();

    /**
     * The project folder the user dropped, when the path handed to {@code importFrom} is one claimed sub-tree of it
     * (since API 1.3). An importer that names runs or experiments by their path should name them relative to this
     * folder, so a sub-tree imports with the ids it would get from the whole folder and same-named sub-trees of
     * different projects ({@code lightning_logs/version_0}) never merge. Empty for a path imported on its own.
     */
    default Optional<Path> projectRoot() {
        return Optional.empty();
    }
}
