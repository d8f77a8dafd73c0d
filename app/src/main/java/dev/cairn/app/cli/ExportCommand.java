package dev.cairn.app.cli;

import dev.cairn.app.importing.BundleExport;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.query.RunQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cairn export (--run ID... | --experiment NAME [--filter EXPR]) --out FILE.cairn.zip}: writes runs to one
 * Cairn bundle, the way to send runs to a colleague ({@code cairn import FILE.cairn.zip} on the other side).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export runs, series included, to one .cairn.zip bundle.",
            "Importing the bundle anywhere gives the same runs bit for bit."})
public final class ExportCommand extends StoreCommand {
    /** Which runs: ids, or an experiment with an optional filter. */
    static final class Selection {
        @Option(names = "--run", paramLabel = "ID", arity = "1..*", required = true,
                description = "Runs to export (repeatable).")
        List<String> runs;

        @Option(names = "--experiment", paramLabel = "NAME", required = true,
                description = "Export the runs of this experiment (deleted runs left out).")
        String experiment;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "With --experiment: only runs matching this filter, e.g. \"metrics.loss < 0.3\".")
    String filter;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The bundle to write (.cairn.zip).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (filter != null && selection.experiment == null) {
            throw new CliErrors.UsageException("--filter goes with --experiment");
        }
        try (TrackingStore store = openStore(false)) {
            List<String> ids = selection.runs != null ? selection.runs : experimentRuns(store);
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("no runs in experiment '" + selection.experiment + "'"
                        + (filter == null ? "" : " match " + filter) + "; nothing exported");
            }
            Path target = out.getFileName().toString().endsWith(".zip") ? out
                    : out.resolveSibling(out.getFileName() + BundleExport.EXTENSION);
            int n = BundleExport.write(store, ids, target, fraction -> { });
            out().println("exported " + n + " run" + (n == 1 ? "" : "s") + " to " + target);
            out().flush();
            return 0;
        }
    }

    private List<String> experimentRuns(TrackingStore store) {
        if (store.experiments().byName(selection.experiment).isEmpty()) {
            throw new IllegalArgumentException("No experiment named '" + selection.experiment + "'.");
        }
        RunQuery query = RunQuery.all().inExperiments(List.of(selection.experiment)).withFilter(filter);
        List<String> ids = new ArrayList<>();
        for (Run r : store.search().searchAll(query)) {
            ids.add(r.id());
        }
        return ids;
    }
}
