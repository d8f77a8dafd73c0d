package dev.cairn.app.importing;

/**
 * What the user chose for an import.
 *
 * @param format     importer id to use instead of probing ({@code --format}), or null
 * @param experiment experiment every run goes to ({@code --experiment}), or null to keep the source's
 * @param dryRun     read and count everything, write nothing
 */
public record ImportOptions(String format, String experiment, boolean dryRun) {

    /** Probe the format, keep the source's experiments, write. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, false);
    }

    public ImportOptions {
        format = format == null || format.isBlank() ? null : format.strip();
        experiment = experiment == null || experiment.isBlank() ? null : experiment.strip();
    }
}
