package dev.cairn.app.cli;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.app.monitoring.RuleEvaluator;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cairn drift reference|batch|report|check}: data drift of registered model versions. Also holds the
 * public JSON shape of a drift report.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Data drift: reference data, production batches, reports and checks.",
        subcommands = {DriftCommand.Reference.class, DriftCommand.Batch.class, DriftCommand.Report.class,
            DriftCommand.Check.class})
public final class DriftCommand extends StoreCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    /** Options shared by the subcommands. */
    abstract static class Sub extends StoreCommand {
        @Option(names = "--model", required = true, paramLabel = "NAME", description = "Registered model name.")
        String model;

        int version(TrackingStore store, Integer given) {
            return given != null ? given : store.drift().defaultVersion(model);
        }
    }

    /** Options of the commands that read a CSV. */
    abstract static class Load extends Sub {
        @Parameters(index = "0", paramLabel = "FILE.csv", description = "CSV with a header line.")
        Path file;

        @Option(names = "--type", paramLabel = "COLUMN=TYPE", split = ",",
                description = "Fix a column's type: numeric, categorical, boolean or datetime (else inferred).")
        Map<String, String> types = new LinkedHashMap<>();

        @Option(names = "--prediction", paramLabel = "COLUMN", description = "The model's prediction column.")
        String prediction;

        @Option(names = "--label", paramLabel = "COLUMN", description = "The true label column.")
        String label;

        @Option(names = "--score", paramLabel = "COLUMN",
                description = "The predicted probability of the positive class (gives ROC AUC and log loss).")
        String score;

        @Option(names = "--positive", paramLabel = "VALUE",
                description = "The positive class (default: 1 or true, else the greater of two classes; "
                    + "macro averages with more classes).")
        String positive;

        @Option(names = "--segment", paramLabel = "COLUMN",
                description = "A slice column (region, age band, plan, ...); performance is computed per value. "
                    + "Repeatable.")
        List<String> segments = new ArrayList<>();

        ProfileOptions options() {
            Map<String, ColumnType> parsed = new LinkedHashMap<>();
            types.forEach((column, type) -> parsed.put(column, ColumnType.parse(type)));
            return ProfileOptions.defaults().withTypes(parsed).withPrediction(prediction).withLabel(label)
                    .withScore(score).withPositive(positive).withSegments(segments);
        }

        void printStored(String what, DatasetProfile p) {
            out().printf(Locale.ROOT, "Stored %s for %s v%d: %,d rows, %d columns (%s), %,d rows sampled.%n", what,
                    p.model(), p.version(), p.rowCount(), p.columns().size(), describeColumns(p), p.sampleSize());
        }

        private static String describeColumns(DatasetProfile p) {
            List<String> parts = new ArrayList<>();
            p.columns().forEach(c -> parts.add(c.name() + ":" + c.type().label()
                    + (c.role() == ColumnRole.FEATURE ? "" : "/" + c.role().label())));
            return String.join(", ", parts);
        }
    }

    /** {@code cairn drift reference --model NAME --version V FILE.csv}. */
    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Store FILE.csv as the reference data (usually the training data) of a model version.")
    static final class Reference extends Load {
        @Option(names = "--version", required = true, paramLabel = "V", description = "Model version.")
        int version;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                printStored("the reference", new DriftDatasets(store.drift()).setReference(model, version, file, options()));
                return 0;
            }
        }
    }

    /** {@code cairn drift batch --model NAME [--version V] --time ISO8601 FILE.csv}. */
    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Store FILE.csv as a batch of production data seen at --time.")
    static final class Batch extends Load {
        @Option(names = "--version", paramLabel = "V", description = "Model version (default: Production, else latest).")
        Integer version;

        @Option(names = "--time", required = true, paramLabel = "ISO8601",
                description = "When the batch was seen: 2026-03-01, 2026-03-01T12:00:00 (UTC) or with an offset.")
        String time;

        @Override
        public Integer call() {
            Instant at = parseTime(time);
            try (TrackingStore store = openStore(false)) {
                int v = version(store, version);
                DatasetProfile stored = new DriftDatasets(store.drift()).addBatch(model, v, at, file, options());
                printStored("a batch at " + at, stored);
                store.monitoring().performance(stored.id()).ifPresent(p -> MonitorCommand.printPerformance(out(), p));
                RuleEvaluator.Evaluation e = new RuleEvaluator(store, DriftReports::builtIn).evaluate(model, v, at);
                e.problems().forEach(line -> spec.commandLine().getErr().println("cairn: " + line));
                e.raised().forEach(a -> out().println("ALERT " + a.message()));
                return 0;
            }
        }
    }

    /** {@code cairn drift report --model NAME [--version V] [--json]}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Drift of every batch against the reference, per column.")
    static final class Report extends Sub {
        @Option(names = "--version", paramLabel = "V", description = "Model version (default: Production, else latest).")
        Integer version;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                DriftReport report = DriftReports.builtIn().report(store, model, version(store, version));
                if (json) {
                    out().println(Json.write(json(report)));
                    return 0;
                }
                out().printf(Locale.ROOT, "%s v%d: reference %,d rows, %d batches%n", report.model(), report.version(),
                        report.referenceRows(), report.batches().size());
                for (DriftReport.Batch b : report.batches()) {
                    out().printf(Locale.ROOT, "%nbatch %s: %,d rows, %s (%d of %d columns drifted)%n", b.time(),
                            b.rows(), b.datasetDrift() ? "DRIFT" : "no drift", b.driftedColumns(), b.testedColumns());
                    TextTable table = new TextTable("COLUMN", "TYPE", "TEST", "SCORE", "P-VALUE", "THRESHOLD", "DRIFTED");
                    for (DriftReport.Column c : b.columns()) {
                        table.row(c.name(), c.type().label() + (c.role().isFeature() ? "" : "/" + c.role().label()), c.test() == null ? "-" : c.test(), number(c.score()),
                                c.pValue() == null ? "-" : number(c.pValue()), number(c.threshold()),
                                c.test() == null ? "(" + c.message() + ")" : c.drifted() ? "yes" : "no");
                    }
                    table.print(out());
                }
                return 0;
            }
        }
    }

    /** {@code cairn drift check --model NAME [--version V]}: exit 1 when the newest batch drifted. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Exit 1 when the newest batch drifted, 0 when not, 2 when there is no batch (for CI and cron).")
    static final class Check extends Sub {
        @Option(names = "--version", paramLabel = "V", description = "Model version (default: Production, else latest).")
        Integer version;

        @Override
        public Integer call() {
            try (TrackingStore store = openStore(false)) {
                int v = version(store, version);
                DriftReport report = DriftReports.builtIn().report(store, model, v);
                if (report.latest().isEmpty()) {
                    spec.commandLine().getErr().printf("cairn: %s v%d has no batches to check.%n", model, v);
                    return 2;
                }
                DriftReport.Batch b = report.latest().get();
                List<String> drifted = b.columns().stream().filter(c -> c.drifted()
                        && c.role().isFeature()).map(DriftReport.Column::name).toList();
                List<String> prediction = b.columns().stream().filter(c -> c.drifted()
                        && !c.role().isFeature()).map(DriftReport.Column::name).toList();
                out().printf(Locale.ROOT, "%s v%d batch %s: %s, %d of %d columns drifted (%.0f%%)%s%s%n", model, v,
                        b.time(), b.datasetDrift() ? "DRIFT" : "no drift", b.driftedColumns(), b.testedColumns(),
                        100 * b.driftShare(), drifted.isEmpty() ? "" : ": " + String.join(", ", drifted),
                        prediction.isEmpty() ? "" : "; prediction drifted: " + String.join(", ", prediction));
                return b.datasetDrift() ? 1 : 0;
            }
        }
    }

    /** The public JSON shape of a drift report. */
    static Map<String, Object> json(DriftReport report) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", report.model());
        o.put("version", report.version());
        List<Map<String, Object>> batches = new ArrayList<>();
        for (DriftReport.Batch b : report.batches()) {
            Map<String, Object> bo = new LinkedHashMap<>();
            bo.put("time", b.time().toString());
            bo.put("rows", b.rows());
            bo.put("datasetDrift", b.datasetDrift());
            bo.put("driftShare", b.driftShare());
            List<Map<String, Object>> columns = new ArrayList<>();
            for (DriftReport.Column c : b.columns()) {
                Map<String, Object> co = new LinkedHashMap<>();
                co.put("name", c.name());
                co.put("type", c.type().label());
                co.put("test", c.test());
                co.put("score", c.test() == null ? null : Json.number(c.score()));
                co.put("pValue", c.pValue() == null ? null : Json.number(c.pValue()));
                co.put("threshold", c.test() == null ? null : Json.number(c.threshold()));
                co.put("drifted", c.drifted());
                columns.add(co);
            }
            bo.put("columns", columns);
            batches.add(bo);
        }
        o.put("batches", batches);
        return o;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static Instant parseTime(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--time '" + text + "' is not an ISO-8601 date or date-time "
                    + "(for example 2026-03-01 or 2026-03-01T12:00:00Z)");
        }
    }
}
