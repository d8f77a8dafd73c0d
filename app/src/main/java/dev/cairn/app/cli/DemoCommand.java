package dev.cairn.app.cli;

import dev.cairn.app.demo.DemoAlreadyLoadedException;
import dev.cairn.app.demo.DemoData;
import dev.cairn.app.demo.DemoSummary;
import dev.cairn.store.TrackingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code cairn demo [--store FILE] [--json]}: writes the demo data (models really trained with Tribuo). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write demo data into the store (created when missing): a hyperparameter sweep of models "
            + "trained with Tribuo, with a baseline, a failed and a stopped run.",
            "Refuses (exit 1) when the store already holds the demo data."})
public final class DemoCommand extends StoreCommand {
    @Option(names = "--json", description = "Print a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        try (TrackingStore store = openStore(true)) {
            DemoSummary summary;
            try {
                summary = DemoData.generate(store, p -> { });
            } catch (DemoAlreadyLoadedException e) {
                spec.commandLine().getErr().println("cairn: " + e.getMessage());
                return 1;
            }
            double seconds = summary.elapsed().toMillis() / 1000.0;
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("store", store.location().describe());
                out.put("experiments", summary.experiments());
                out.put("runs", summary.runCount());
                out.put("seconds", seconds);
                out().println(Json.write(out));
            } else {
                for (DemoSummary.Section s : summary.sections()) {
                    out().printf(Locale.ROOT, "%s: %d runs%n", s.experiment(), s.runs());
                }
                out().printf(Locale.ROOT, "Wrote %d demo runs to %s in %.1f s.%n", summary.runCount(),
                        store.location().describe(), seconds);
            }
            return 0;
        }
    }
}
