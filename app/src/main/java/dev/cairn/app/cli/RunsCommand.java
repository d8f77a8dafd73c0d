package dev.cairn.app.cli;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.query.RunQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code cairn runs [--experiment NAME] [--filter EXPR] [--order-by EXPR] [--all] [--json]}. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs.")
public final class RunsCommand extends StoreCommand {
    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment (repeatable).")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Filter, e.g. \"metrics.acc > 0.9 AND params.optimizer = 'adam'\".")
    String filter;

    @Option(names = "--order-by", paramLabel = "EXPR",
            description = "Order, e.g. \"metrics.loss.min ASC\" (repeatable).")
    List<String> orderBy = new ArrayList<>();

    @Option(names = "--all", description = "Include deleted runs and runs of deleted experiments.")
    boolean all;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        try (TrackingStore store = openStore(false)) {
            for (String name : experiments) {
                if (store.experiments().byName(name).isEmpty()) {
                    throw new IllegalArgumentException("No experiment named '" + name + "'.");
                }
            }
            RunQuery query = RunQuery.all().inExperiments(experiments).withFilter(filter).orderedBy(orderBy)
                    .includingDeleted(all);
            List<Run> runs = store.search().searchAll(query);
            Map<String, RunDetails> details = store.runs().details(runs.stream().map(Run::id).toList());
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (RunDetails d : details.values()) {
                    out.add(Json.run(d));
                }
                out().println(Json.write(out));
                return 0;
            }
            TextTable table = new TextTable("ID", "EXPERIMENT", "NAME", "STATUS", "START", "METRICS (last)");
            long now = System.currentTimeMillis();
            for (RunDetails d : details.values()) {
                Run r = d.run();
                StringBuilder metrics = new StringBuilder();
                d.metrics().values().stream().limit(4).forEach(s -> metrics.append(metrics.isEmpty() ? "" : " ")
                        .append(s.key()).append('=').append(TextTable.number(s.last())));
                table.row(r.id(), r.experimentName(), r.name(), r.status().name()
                        + (r.lifecycle().name().equals("DELETED") ? " (deleted)" : ""),
                        TextTable.time(r.startMs()), metrics.toString());
            }
            table.print(out());
            if (details.isEmpty()) {
                out().println("(no runs)");
            }
            out().flush();
            return 0;
        }
    }
}
