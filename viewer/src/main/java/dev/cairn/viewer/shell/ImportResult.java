package dev.cairn.viewer.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import (or its dry run) found or did, as plain view data.
 *
 * @param sources     each path with the format that read it ("not recognised" when none)
 * @param added       ids of new runs
 * @param updated     ids of runs that got new data
 * @param skipped     ids of runs that were already up to date
 * @param failures    sources or runs that could not be imported, each naming the file and line or offset
 * @param warnings    everything the importers warned about
 * @param experiments how many experiments the runs go to
 * @param dryRun      true when nothing was written
 * @param cancelled   true when the user cancelled before the end
 */
public record ImportResult(List<Source> sources, List<String> added, List<String> updated, List<String> skipped,
                           List<String> failures, List<String> warnings, int experiments, boolean dryRun,
                           boolean cancelled) {

    /** A dropped or chosen path and the format that read it (null when none could). */
    public record Source(String path, String format) {
    }

    public ImportResult {
        sources = List.copyOf(sources);
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** Every run the import added, updated or found unchanged (to select them in the table). */
    public List<String> runIds() {
        List<String> all = new ArrayList<>(added);
        all.addAll(updated);
        all.addAll(skipped);
        return all;
    }

    /** How many runs the source holds (added + updated + skipped). */
    public int runCount() {
        return added.size() + updated.size() + skipped.size();
    }

    /** "21 added, 0 updated, 0 skipped, 0 failed" (and warnings when there are any). */
    public String headline() {
        return added.size() + " added, " + updated.size() + " updated, " + skipped.size() + " skipped, "
                + failures.size() + " failed" + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning"
                + (warnings.size() == 1 ? "" : "s")) + (cancelled ? " (cancelled)" : "");
    }
}
