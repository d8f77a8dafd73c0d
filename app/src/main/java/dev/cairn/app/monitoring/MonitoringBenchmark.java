package dev.cairn.app.monitoring;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.profiling.performance.BatchScorer;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code cairn bench --mode monitoring}: a labelled batch of N rows × 50 columns with 10 slices scored alone and
 * stored through the {@code cairn drift batch} path (CSV parsed, drift profile, performance and slices), the drift
 * profile alone for comparison, and rule evaluation per batch over a year of daily batches. Wall and CPU times.
 */
public final class MonitoringBenchmark {
    /** Columns of the generated batch: label, prediction, score, segment and 46 features. */
    public static final int COLUMNS = 50;
    /** Slices of the segment column. */
    public static final int SLICES = 10;
    private static final String MODEL = "bench";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final int rows;
    private final int batches;
    private final Consumer<String> progress;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    /**
     * @param rows    rows of the big batch (1,000,000 for the figures)
     * @param batches daily batches for the rule evaluation (365)
     */
    public MonitoringBenchmark(int rows, int batches, Consumer<String> progress) {
        this.rows = rows;
        this.batches = batches;
        this.progress = progress;
    }

    /** Runs in {@code dir} (a SQLite store and a CSV file are made there) and returns the figures. */
    public Map<String, Object> run(Path dir) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("columns", COLUMNS);
        out.put("slices", SLICES);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("loadAverageBefore", load());
        Path csv = dir.resolve("batch.csv");
        progress.accept("writing " + rows + " rows x " + COLUMNS + " columns");
        writeCsv(csv, rows);
        out.put("csvBytes", Files.size(csv));
        try (TrackingStore store = TrackingStore.open(dir.resolve("monitor-bench.db"))) {
            for (int v = 0; v < 3; v++) {
                store.registry().register(NewModelVersion.of(MODEL), ChangeOptions.by("bench"));
            }
            DriftDatasets datasets = new DriftDatasets(store.drift());
            ProfileOptions labelled = ProfileOptions.defaults().withLabel("label").withPrediction("prediction")
                    .withScore("score").withSegments(List.of("segment"));
            datasets.setReference(MODEL, 1, csv, ProfileOptions.defaults().withLabel("label")
                    .withPrediction("prediction"));
            progress.accept("scoring in memory");
            out.put("scoreOnly", time(() -> scoreInMemory(rows)));
            progress.accept("cairn drift batch with label, prediction, score and segment");
            out.put("batchWithPerformance", time(() -> datasets.addBatch(MODEL, 1, T0, csv, labelled)));
            progress.accept("cairn drift batch, drift profile only (a version without reference roles)");
            out.put("batchProfileOnly", time(() -> datasets.addBatch(MODEL, 3, T0, csv, ProfileOptions.defaults())));
            out.put("rulesPerBatch", rules(store));
        }
        out.put("loadAverageAfter", load());
        return out;
    }

    private Map<String, Object> rules(TrackingStore store) {
        progress.accept("writing " + batches + " daily batches for the rules");
        writeDailyBatches(store, MODEL, 2, batches, 200);
        writeReference(store, MODEL, 2, 200);
        store.monitoring().addRule(new AlertRule(0, MODEL, null, RuleKind.METRIC, "accuracy", null, true, 0.8, 3));
        store.monitoring().addRule(new AlertRule(0, MODEL, null, RuleKind.METRIC, "rocAuc", null, true, 0.7, 1));
        store.monitoring().addRule(new AlertRule(0, MODEL, 2, RuleKind.SLICE_GAP, "recall", "segment", false, 0.3, 2));
        store.monitoring().addRule(new AlertRule(0, MODEL, null, RuleKind.DRIFT_SHARE, null, null, false, 0.5, 2));
        DriftReports drift = DriftReports.builtIn();
        RuleEvaluator evaluator = new RuleEvaluator(store, () -> drift);
        List<MonitoredBatch> all = store.monitoring().batches(MODEL, 2);
        double[] wall = new double[all.size()];
        double[] thread = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Instant t = all.get(i).time();
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            evaluator.evaluate(MODEL, 2, t);
            wall[i] = (System.nanoTime() - w0) / 1e6;
            thread[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(thread);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("batches", all.size());
        r.put("rules", 4);
        r.put("driftShareRules", 1);
        r.put("alerts", store.monitoring().alerts(MODEL).size());
        r.put("medianMs", round(wall[wall.length / 2]));
        r.put("maxMs", round(wall[wall.length - 1]));
        r.put("medianCpuMs", round(thread[thread.length / 2]));
        r.put("maxCpuMs", round(thread[thread.length - 1]));
        r.put("loadAverage", load());
        return r;
    }

    /** Writes {@code count} daily labelled batches of {@code size} rows (10 slices, a score) to a version. */
    public static void writeDailyBatches(TrackingStore store, String model, int version, int count, int size) {
        ProfileOptions options = ProfileOptions.defaults().withLabel("label").withPrediction("prediction")
                .withScore("score").withSegments(List.of("segment"));
        List<String> columns = List.of("x", "segment", "label", "prediction", "score");
        DriftDatasets datasets = new DriftDatasets(store.drift());
        for (int day = 0; day < count; day++) {
            SplittableRandom r = new SplittableRandom(day);
            double quality = 0.92 - 0.2 * day / Math.max(1, count - 1);
            DatasetWriter w = datasets.batchWriter(model, version, T0.plus(Duration.ofDays(day)), columns, options);
            for (int i = 0; i < size; i++) {
                int label = r.nextDouble() < 0.4 ? 1 : 0;
                int slice = r.nextInt(SLICES);
                boolean right = r.nextDouble() < quality - 0.02 * slice * day / Math.max(1, count - 1);
                int prediction = right ? label : 1 - label;
                double score = Math.round(1000 * (prediction == 1 ? 0.5 + 0.5 * r.nextDouble()
                        : 0.5 * r.nextDouble())) / 1000.0;
                w.row(r.nextGaussian(), "s" + slice, label, prediction, score);
            }
            w.commit();
        }
    }

    /** The reference of a version: rows like the first daily batch's. */
    private static void writeReference(TrackingStore store, String model, int version, int size) {
        DatasetWriter w = new DriftDatasets(store.drift()).referenceWriter(model, version,
                List.of("x", "segment", "label", "prediction", "score"), ProfileOptions.defaults().withLabel("label")
                        .withPrediction("prediction").withScore("score"));
        SplittableRandom r = new SplittableRandom(-1);
        for (int i = 0; i < size; i++) {
            int label = r.nextDouble() < 0.4 ? 1 : 0;
            int prediction = r.nextDouble() < 0.92 ? label : 1 - label;
            w.row(r.nextGaussian(), "s" + r.nextInt(SLICES), label, prediction, r.nextDouble());
        }
        w.commit();
    }

    private static void scoreInMemory(int n) {
        String[] texts = new String[4];
        double[] numbers = new double[4];
        BatchScorer scorer = new BatchScorer(0, List.of(new BatchScorer.Predictor(1, "prediction", 1, 2, true)), null,
                List.of("segment"), new int[] {3});
        String[] slices = new String[SLICES];
        for (int s = 0; s < SLICES; s++) {
            slices[s] = "s" + s;
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            int label = r.nextDouble() < 0.4 ? 1 : 0;
            int prediction = r.nextDouble() < 0.85 ? label : 1 - label;
            texts[0] = label == 1 ? "1" : "0";
            texts[1] = prediction == 1 ? "1" : "0";
            texts[3] = slices[r.nextInt(SLICES)];
            numbers[0] = label;
            numbers[1] = prediction;
            numbers[2] = r.nextDouble();
            scorer.add(texts, numbers);
        }
        scorer.finish();
    }

    private static void writeCsv(Path file, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            List<String> header = new ArrayList<>(List.of("label", "prediction", "score", "segment"));
            for (int c = header.size(); c < COLUMNS; c++) {
                header.add("f" + c);
            }
            w.write(String.join(",", header));
            w.write('\n');
            StringBuilder line = new StringBuilder(512);
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                int label = r.nextDouble() < 0.4 ? 1 : 0;
                int slice = r.nextInt(SLICES);
                int prediction = r.nextDouble() < 0.9 - 0.02 * slice ? label : 1 - label;
                line.append(label).append(',').append(prediction).append(',')
                        .append(r.nextInt(1000) / 1000.0).append(",s").append(slice);
                for (int c = 4; c < COLUMNS; c++) {
                    line.append(',');
                    if (c % 5 == 0) {
                        line.append((char) ('a' + r.nextInt(8)));
                    } else {
                        line.append(r.nextInt(100_000) / 100.0);
                    }
                }
                line.append('\n');
                w.append(line);
            }
        }
    }

    /**
     * Wall time, the working thread's CPU time, and where wall time beyond it may go: the CPU time of the whole
     * process (GC, JIT and any worker threads), the time the collectors report, and the load average.
     */
    private Map<String, Object> time(Runnable work) {
        long p0 = processCpuNanos();
        long g0 = gcMillis();
        long c0 = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        work.run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallMs", round((System.nanoTime() - w0) / 1e6));
        m.put("cpuMs", round((cpu.getCurrentThreadCpuTime() - c0) / 1e6));
        m.put("processCpuMs", round((processCpuNanos() - p0) / 1e6));
        m.put("gcMs", gcMillis() - g0);
        m.put("loadAverage", load());
        return m;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double load() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", v));
    }
}
