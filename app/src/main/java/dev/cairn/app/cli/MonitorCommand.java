package dev.cairn.app.cli;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.app.monitoring.AlertHook;
import dev.cairn.app.monitoring.RuleEvaluator;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.monitoring.SliceMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn monitor report|rule|check|watch|compare}: model performance per batch and slice, alert rules, the
 * retraining trigger and champion vs challenger. Also holds the public JSON shapes of reports and alerts.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Monitoring: performance per batch and slice, alert rules, checks and champion vs challenger.",
        subcommands = {MonitorCommand.Report.class, MonitorCommand.Rule.class, MonitorCommand.Check.class,
            MonitorCommand.Watch.class, MonitorCommand.Compare.class})
public final class MonitorCommand extends StoreCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    /** Options shared by the subcommands that look at one version. */
    abstract static class Versioned extends DriftCommand.Sub {
        @Option(names = "--version", paramLabel = "V", description = "Model version (default: Production, else latest).")
        Integer version;

        int version(TrackingStore store) {
            return version(store, version);
        }
    }

    /** {@code cairn monitor report --model M [--version V] [--json]}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Performance of every batch, overall and per slice, with the gaps between slices.")
    static final class Report extends Versioned {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                int v = version(store);
                List<MonitoredBatch> batches = store.monitoring().batches(model, v);
                if (json) {
                    out().println(Json.write(report(model, v, batches)));
                    return 0;
                }
                out().printf(Locale.ROOT, "%s v%d: %d batches%n", model, v, batches.size());
                for (MonitoredBatch b : batches) {
                    out().printf(Locale.ROOT, "%nbatch %s: %,d rows%n", b.time(), b.rows());
                    if (b.performance().isEmpty()) {
                        out().println("  no label and prediction");
                    } else {
                        printPerformance(out(), b.performance().get());
                    }
                }
                return 0;
            }
        }
    }

    /** {@code cairn monitor rule add|list|remove}. */
    @Command(name = "rule", mixinStandardHelpOptions = true, description = "Alert rules of a model.",
            subcommands = {RuleAdd.class, RuleList.class, RuleRemove.class})
    static final class Rule extends StoreCommand {
        @Override
        public Integer call() {
            spec.commandLine().usage(out());
            return 0;
        }
    }

    /** {@code cairn monitor rule add --model M [--version V] (--metric M | --drift-share | --slice-gap [SEG]) ...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an alert rule, evaluated on each new batch (and at once on the newest one).",
                "Examples: --metric accuracy --below 0.8 --for 2;  --drift-share --above 0.5;",
                "  --slice-gap region --metric equalOpportunity --above 0.1"})
    static final class RuleAdd extends DriftCommand.Sub {
        @Option(names = "--version", paramLabel = "V", description = "Only this version (default: every version).")
        Integer version;

        @Option(names = "--metric", paramLabel = "METRIC",
                description = "accuracy, precision, recall, f1, rocAuc, logLoss, mae, rmse, r2; for --slice-gap also "
                    + "demographicParity, equalOpportunity.")
        String metric;

        @Option(names = "--drift-share", description = "Watch the share of drifted columns.")
        boolean driftShare;

        @Option(names = "--slice-gap", arity = "0..1", fallbackValue = "", paramLabel = "SEGMENT",
                description = "Watch the gap of --metric between the best and the worst slice of SEGMENT "
                    + "(without SEGMENT: the largest gap of any segment).")
        String sliceGap;

        @ArgGroup(multiplicity = "1")
        Threshold threshold;

        @Option(names = "--for", paramLabel = "N", defaultValue = "1",
                description = "Alert only when the condition holds for N consecutive batches (default: 1).")
        int forBatches;

        static final class Threshold {
            @Option(names = "--below", paramLabel = "X", required = true, description = "Alert when the value is below X.")
            Double below;

            @Option(names = "--above", paramLabel = "X", required = true, description = "Alert when the value is above X.")
            Double above;
        }

        @Override
        public Integer call() {
            RuleKind kind = kind();
            if (kind == RuleKind.DRIFT_SHARE && metric != null) {
                throw new CliErrors.UsageException("--drift-share takes no --metric");
            }
            AlertRule.metricProblem(kind, metric).ifPresent(p -> {
                throw new CliErrors.UsageException(metric == null ? "--metric is required (for example --metric accuracy)" : p);
            });
            if (forBatches < 1) {
                throw new CliErrors.UsageException("--for must be at least 1, was " + forBatches);
            }
            boolean below = threshold.below != null;
            double x = below ? threshold.below : threshold.above;
            try (TrackingStore store = openStore(false)) {
                RuleEvaluator.Added added = new RuleEvaluator(store, DriftReports::builtIn).add(new AlertRule(0, model,
                        version, kind, kind == RuleKind.DRIFT_SHARE ? null : metric,
                        sliceGap == null || sliceGap.isBlank() ? null : sliceGap, below, x, forBatches));
                out().printf(Locale.ROOT, "Added rule %d to %s: %s%n", added.rule().id(), model, added.rule().describe());
                added.lines().forEach(l -> out().println("  " + l));
                return 0;
            }
        }

        private RuleKind kind() {
            int given = (driftShare ? 1 : 0) + (sliceGap != null ? 1 : 0);
            if (given > 1) {
                throw new CliErrors.UsageException("--drift-share and --slice-gap do not go together");
            }
            return driftShare ? RuleKind.DRIFT_SHARE : sliceGap != null ? RuleKind.SLICE_GAP : RuleKind.METRIC;
        }
    }

    /** {@code cairn monitor rule list --model M [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The alert rules of a model.")
    static final class RuleList extends DriftCommand.Sub {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                List<AlertRule> rules = store.monitoring().rules(model);
                if (json) {
                    out().println(Json.write(rules.stream().map(MonitorCommand::ruleJson).toList()));
                    return 0;
                }
                if (rules.isEmpty()) {
                    out().println(model + " has no alert rules (cairn monitor rule add).");
                    return 0;
                }
                TextTable table = new TextTable("ID", "VERSION", "RULE");
                rules.forEach(r -> table.row(String.valueOf(r.id()), r.version() == null ? "all" : r.version().toString(),
                        r.describe()));
                table.print(out());
                return 0;
            }
        }
    }

    /** {@code cairn monitor rule remove --model M ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an alert rule (its alerts stay in the model history).")
    static final class RuleRemove extends DriftCommand.Sub {
        @Parameters(index = "0", paramLabel = "ID", description = "The rule id (cairn monitor rule list).")
        long id;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                if (!store.monitoring().removeRule(model, id)) {
                    spec.commandLine().getErr().printf("cairn: %s has no rule %d (cairn monitor rule list).%n", model, id);
                    return 1;
                }
                out().printf(Locale.ROOT, "Removed rule %d from %s.%n", id, model);
                return 0;
            }
        }
    }

    /** Options of check and watch. */
    abstract static class Checking extends Versioned {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--on-alert", paramLabel = "COMMAND",
                description = "Run COMMAND through the shell once per new alert, with the alert as JSON on stdin.")
        String onAlert;

        /** Evaluates the newest batch and runs the hook for undelivered alerts; null when nothing is labelled. */
        RuleEvaluator.Evaluation pass(TrackingStore store, int v, boolean quietWhenNothing) {
            Optional<RuleEvaluator.Evaluation> found = new RuleEvaluator(store, DriftReports::builtIn)
                    .evaluateLatest(model, v);
            if (found.isEmpty() || !found.get().labelled()) {
                return null;
            }
            RuleEvaluator.Evaluation e = found.get();
            e.problems().forEach(line -> spec.commandLine().getErr().println("cairn: " + line));
            if (onAlert != null) {
                deliver(store, v);
            }
            return e;
        }

        private void deliver(TrackingStore store, int v) {
            List<AlertRule> rules = store.monitoring().rules(model);
            for (Alert a : store.monitoring().alerts(model)) {
                if (a.delivered() || a.version() != v) {
                    continue;
                }
                AlertRule rule = rules.stream().filter(r -> r.id() == a.ruleId()).findFirst().orElse(null);
                try {
                    AlertHook.Outcome o = new AlertHook(onAlert).run(Json.write(alertJson(a, rule)));
                    out().print(o.output());
                    if (o.exitCode() == 0) {
                        store.monitoring().markDelivered(model, a.id());
                    } else {
                        spec.commandLine().getErr().printf("cairn: --on-alert command exited with %d for alert %d; "
                                + "it runs again on the next check.%n", o.exitCode(), a.id());
                    }
                } catch (IOException e) {
                    spec.commandLine().getErr().printf("cairn: cannot run --on-alert command: %s%n", e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code cairn monitor check --model M [--version V] [--json] [--on-alert COMMAND]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Evaluate the alert rules on the newest batch (for CI and cron).",
                "Exit 0: no alert; 1: alert; 2: no labelled batch yet."})
    static final class Check extends Checking {
        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                int v = version(store);
                RuleEvaluator.Evaluation e = pass(store, v, false);
                if (e == null) {
                    spec.commandLine().getErr().printf("cairn: %s v%d has no labelled batch yet.%n", model, v);
                    return 2;
                }
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("model", model);
                    o.put("version", v);
                    o.put("batch", e.batchTime().toString());
                    o.put("alert", !e.firing().isEmpty());
                    o.put("alerts", e.firing().stream().map(f -> alertJson(f.alert(), f.rule())).toList());
                    out().println(Json.write(o));
                } else if (e.firing().isEmpty()) {
                    out().printf(Locale.ROOT, "%s v%d batch %s: no alert%n", model, v, e.batchTime());
                } else {
                    e.firing().forEach(f -> out().println("ALERT " + f.alert().message()));
                }
                return e.firing().isEmpty() ? 0 : 1;
            }
        }
    }

    /** {@code cairn monitor watch --model M [--version V] [--interval S] [--on-alert COMMAND]}. */
    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Check every --interval seconds until stopped; one line per new alert.")
    static final class Watch extends Checking {
        @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "60",
                description = "Seconds between checks (default: ${DEFAULT-VALUE}).")
        double intervalSeconds;

        @Override
        public Integer call() {
            Thread watcher = Thread.currentThread();
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                watcher.interrupt();
                try {
                    stopped.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cairn-monitor-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (TrackingStore store = openStore(false)) {
                int v = version(store);
                out().printf(Locale.ROOT, "watching %s v%d every %s s; Ctrl+C stops%n", model, v, intervalSeconds);
                out().flush();
                while (!Thread.currentThread().isInterrupted()) {
                    RuleEvaluator.Evaluation e;
                    try {
                        e = pass(store, v, true);
                    } catch (RuntimeException failure) {
                        if (Thread.currentThread().isInterrupted()) {
                            break; // stopped while reading the store
                        }
                        throw failure;
                    }
                    if (e != null) {
                        for (Alert a : e.raised()) {
                            out().println(json ? Json.write(alertJson(a, null)).replace('\n', ' ') : "ALERT " + a.message());
                        }
                    }
                    out().flush();
                    Thread.sleep(Math.max(50L, (long) (intervalSeconds * 1000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                out().println("watch stopped");
                out().flush();
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: the JVM is stopping
                }
            }
            return 0;
        }
    }

    /** {@code cairn monitor compare --model M [--version V] [--json]}: champion vs challengers per batch. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Champion (the batch's version) vs challengers (columns PREDICTION@N) per batch, with a "
                + "paired test (McNemar / Wilcoxon signed-rank).")
    static final class Compare extends Versioned {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                int v = version(store);
                List<Map<String, Object>> rows = new ArrayList<>();
                TextTable table = new TextTable("BATCH", "VERSION", "METRICS", "TEST", "P-VALUE");
                for (MonitoredBatch b : store.monitoring().batches(model, v)) {
                    if (b.performance().isEmpty() || b.performance().get().predictors().size() < 2) {
                        continue;
                    }
                    BatchPerformance p = b.performance().get();
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("time", b.time().toString());
                    Map<String, Object> versions = new LinkedHashMap<>();
                    for (PredictorPerformance pp : p.predictors()) {
                        versions.put(String.valueOf(pp.version()), metricsJson(pp.overall()));
                        PairedTest t = p.comparisons().stream().filter(c -> c.challenger() == pp.version()).findFirst()
                                .orElse(null);
                        table.row(b.time().toString(), "v" + pp.version() + (pp == p.primary() ? " (champion)" : ""),
                                describe(pp.overall()), t == null ? "" : t.test(),
                                t == null ? "" : TextTable.number(t.pValue()));
                    }
                    o.put("versions", versions);
                    o.put("tests", p.comparisons().stream().map(t -> {
                        Map<String, Object> to = new LinkedHashMap<>();
                        to.put("champion", t.champion());
                        to.put("challenger", t.challenger());
                        to.put("test", t.test());
                        to.put("statistic", Json.number(t.statistic()));
                        to.put("pValue", Json.number(t.pValue()));
                        to.put("rows", t.rows());
                        return to;
                    }).toList());
                    rows.add(o);
                }
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("model", model);
                    o.put("version", v);
                    o.put("batches", rows);
                    out().println(Json.write(o));
                } else if (rows.isEmpty()) {
                    out().printf(Locale.ROOT, "%s v%d has no batch with challenger predictions (columns such as "
                            + "prediction@%d).%n", model, v, v + 1);
                } else {
                    table.print(out());
                }
                return 0;
            }
        }
    }

    /** The public JSON shape of {@code cairn monitor report --json}. */
    static Map<String, Object> report(String model, int version, List<MonitoredBatch> batches) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", model);
        o.put("version", version);
        List<Map<String, Object>> out = new ArrayList<>();
        for (MonitoredBatch b : batches) {
            Map<String, Object> bo = new LinkedHashMap<>();
            bo.put("time", b.time().toString());
            bo.put("rows", b.rows());
            Optional<PredictorPerformance> p = b.performance().map(BatchPerformance::primary);
            bo.put("labelled", p.map(x -> x.overall().labelled()).orElse(0L));
            bo.put("metrics", p.map(x -> metricsJson(x.overall())).orElse(Map.of()));
            Map<String, Object> slices = new LinkedHashMap<>();
            Map<String, Object> gaps = new LinkedHashMap<>();
            p.ifPresent(x -> {
                x.slices().forEach((segment, values) -> {
                    Map<String, Object> vo = new LinkedHashMap<>();
                    values.forEach((value, m) -> {
                        Map<String, Object> so = new LinkedHashMap<>();
                        so.put("rows", m.rows());
                        so.put("metrics", metricsJson(m));
                        vo.put(value, so);
                    });
                    slices.put(segment, vo);
                });
                x.sliceGaps().forEach((segment, g) -> {
                    Map<String, Object> go = new LinkedHashMap<>();
                    g.forEach((metric, gap) -> go.put(metric, Json.number(gap)));
                    gaps.put(segment, go);
                });
            });
            bo.put("slices", slices);
            bo.put("sliceGaps", gaps);
            out.add(bo);
        }
        o.put("batches", out);
        return o;
    }

    private static Map<String, Object> metricsJson(SliceMetrics m) {
        Map<String, Object> o = new LinkedHashMap<>();
        m.metrics().forEach((k, v) -> o.put(k, Json.number(v)));
        return o;
    }

    /** The public JSON shape of a rule. */
    static Map<String, Object> ruleJson(AlertRule r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("model", r.model());
        o.put("version", r.version());
        o.put("kind", r.kind().label());
        o.put("metric", r.metric());
        o.put("segment", r.segment());
        o.put("direction", r.below() ? "below" : "above");
        o.put("threshold", Json.number(r.threshold()));
        o.put("for", r.forBatches());
        o.put("description", r.describe());
        return o;
    }

    /** The public JSON shape of an alert (given to --on-alert commands on stdin). */
    static Map<String, Object> alertJson(Alert a, AlertRule rule) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", a.id());
        o.put("model", a.model());
        o.put("version", a.version());
        o.put("batch", a.batchTime().toString());
        o.put("value", Json.number(a.value()));
        o.put("message", a.message());
        o.put("raisedAt", a.raisedAt().toString());
        o.put("ruleId", a.ruleId());
        o.put("rule", rule == null ? null : ruleJson(rule));
        return o;
    }

    private static String describe(SliceMetrics m) {
        List<String> parts = new ArrayList<>();
        m.metrics().forEach((k, v) -> parts.add(k + " " + TextTable.number(v)));
        return String.join(", ", parts);
    }

    /** Prints a batch's performance for people: overall, confusion matrix, slices and gaps. */
    static void printPerformance(PrintWriter out, BatchPerformance p) {
        for (PredictorPerformance pp : p.predictors()) {
            out.printf(Locale.ROOT, "  %s v%d (%s%s): %,d of %,d rows labelled: %s%n", pp.column(), pp.version(),
                    pp.task().label(), pp.positive() == null ? "" : ", positive " + pp.positive(),
                    pp.overall().labelled(), pp.overall().rows(), describe(pp.overall()));
            if (pp != p.primary()) {
                continue;
            }
            if (pp.overall().confusion() != null && pp.overall().confusion().labels().size() <= 10) {
                List<String> labels = pp.overall().confusion().labels();
                List<String> header = new ArrayList<>();
                header.add("  TRUE \\ PREDICTED");
                header.addAll(labels);
                TextTable cm = new TextTable(header.toArray(new String[0]));
                long[][] counts = pp.overall().confusion().counts();
                for (int a = 0; a < labels.size(); a++) {
                    List<String> row = new ArrayList<>();
                    row.add("  " + labels.get(a));
                    for (long n : counts[a]) {
                        row.add(String.valueOf(n));
                    }
                    cm.row(row.toArray(new String[0]));
                }
                cm.print(out);
            }
            pp.slices().forEach((segment, values) -> {
                values.forEach((value, m) -> out.printf(Locale.ROOT, "  %s=%s: %,d rows: %s%n", segment, value,
                        m.rows(), describe(m)));
                Map<String, Double> gaps = pp.sliceGaps().get(segment);
                List<String> g = new ArrayList<>();
                gaps.forEach((k, v) -> g.add(k + " " + TextTable.number(v)));
                out.printf(Locale.ROOT, "  gaps over %s: %s%n", segment, String.join(", ", g));
            });
        }
        for (PairedTest t : p.comparisons()) {
            out.printf(Locale.ROOT, "  v%d vs v%d: %s p = %s over %,d rows%n", t.champion(), t.challenger(), t.test(),
                    TextTable.number(t.pValue()), t.rows());
        }
    }
}
