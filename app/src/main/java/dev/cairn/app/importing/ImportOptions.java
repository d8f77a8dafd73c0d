package dev.cairn.app.importing;

/**
 * What the user chose for an import.
 *
 * @param format     importer id to use instead of probing ({@code --format}), or null
 * @param experiment experiment every run goes to ({@code --experiment}), or null to keep the source's
 * @param dryRun     read and count everything, write nothing
 * @param atomic     all or nothing ({@code --atomic}): the whole import is one transaction, and nothing is
 *                   stored when any source or run fails
 */
public record ImportOptions(String format, String experiment, boolean dryRun, boolean atomic) {

    /** Probe the format, keep the source's experiments, write. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, false, false);
    }

    /** Not atomic: each sub-tree and run imports on its own. */
    public ImportOptions(String format, String experiment, boolean dryRun) {
        this(format, experiment, dryRun, false);
    }

    /** The same choices as a dry run. */
    public ImportOptions asDryRun() {
        return new ImportOptions(format, experiment, true, atomic);
    }

    public ImportOptions {
        format = format == null || format.isBlank() ? null : format.strip();
        experiment = experiment == null || experiment.isBlank() ? null : experiment.strip();
    }
}
