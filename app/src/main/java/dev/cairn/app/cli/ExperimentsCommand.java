package dev.cairn.app.cli;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn experiments [--all] [--json]}. */
@Command(name = "experiments", mixinStandardHelpOptions = true, description = "List experiments.")
public final class ExperimentsCommand extends StoreCommand {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--all", description = "Include deleted experiments.")
    boolean all;

    @Override
    public Integer call() {
        try (TrackingStore store = openStore(false)) {
            List<Experiment> experiments = store.experiments().list(all);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Experiment e : experiments) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", e.id());
                    m.put("name", e.name());
                    m.put("description", e.description());
                    m.put("createdTime", e.createdMs());
                    m.put("lifecycle", e.lifecycle().label());
                    m.put("runCount", e.runCount());
                    m.put("tags", new LinkedHashMap<>(e.tags()));
                    out.add(m);
                }
                out().println(Json.write(out));
            } else {
                TextTable table = new TextTable("NAME", "RUNS", "CREATED", "LIFECYCLE");
                for (Experiment e : experiments) {
                    table.row(e.name(), String.valueOf(e.runCount()), TextTable.time(e.createdMs()),
                            e.lifecycle().label());
                }
                table.print(out());
            }
            return 0;
        }
    }

    static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
