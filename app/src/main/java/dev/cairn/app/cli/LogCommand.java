package dev.cairn.app.cli;

import dev.cairn.app.Version;
import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn log --experiment NAME [--run-name N] --param k=v ... --metric k=v[@step] ... [--status S]}: logs one
 * run in one transaction and prints its id.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Log one run from the command line.")
public final class LogCommand extends StoreCommand {
    @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "Experiment (created when missing).")
    String experiment;

    @Option(names = "--run-name", paramLabel = "N", description = "Run name.")
    String runName;

    @Option(names = "--param", paramLabel = "k=v", description = "A param (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "k=v[@step]",
            description = "A metric point (repeatable); v may be NaN, Infinity or -Infinity; step defaults to 0.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--status", paramLabel = "S", defaultValue = "FINISHED",
            description = "RUNNING, SCHEDULED, FINISHED, FAILED or KILLED (default: ${DEFAULT-VALUE}).")
    String status;

    @Override
    public Integer call() {
        RunStatus runStatus;
        try {
            runStatus = RunStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.UsageException(e.getMessage());
        }
        Map<String, String> paramMap = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CliErrors.UsageException("--param needs k=v, got '" + p + "'");
            }
            paramMap.put(p.substring(0, eq), p.substring(eq + 1));
        }
        List<MetricPoint> points = new ArrayList<>();
        for (String m : metrics) {
            points.add(MetricPoint.parse(m));
        }
        try (TrackingStore store = openStore(true)) {
            long now = System.currentTimeMillis();
            String[] created = new String[1];
            store.write(w -> {
                NewRun spec = NewRun.in(experiment).withName(runName).withStatus(runStatus)
                        .withTimes(now, runStatus.isTerminal() ? now : null)
                        .withProvenance(Provenance.here("cairn-cli", Version.get(), null));
                RunRef ref = w.createRun(spec);
                w.logParams(ref, paramMap);
                for (MetricPoint p : points) {
                    w.append(ref, p.key(), new long[] {p.step()}, new long[] {now},
                            new double[] {p.value()}, 0, 1);
                }
                created[0] = ref.id();
            });
            String id = created[0];
            out().println(id);
            return 0;
        }
    }

    /** One {@code k=v[@step]} argument. */
    record MetricPoint(String key, double value, long step) {
        static MetricPoint parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0) {
                throw new CliErrors.UsageException("--metric needs k=v[@step], got '" + text + "'");
            }
            String key = text.substring(0, eq);
            String rest = text.substring(eq + 1);
            long step = 0;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                try {
                    step = Long.parseLong(rest.substring(at + 1).strip());
                } catch (NumberFormatException e) {
                    throw new CliErrors.UsageException("--metric step must be an integer, got '" + text + "'");
                }
                rest = rest.substring(0, at);
            }
            Double value = ParamValue.parseNumber(rest);
            if (value == null) {
                throw new CliErrors.UsageException("--metric value must be a number, NaN, Infinity or -Infinity, got '"
                        + text + "'");
            }
            return new MetricPoint(key, value, step);
        }
    }
}
