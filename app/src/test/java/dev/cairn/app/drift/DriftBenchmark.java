package dev.cairn.app.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.viewer.drift.DriftHeatmap;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drift speed benchmark, run by hand (not a test): {@code profile DIR ROWS} profiles and tests a ROWS × 50 CSV
 * batch against a 100,000-row reference; {@code heatmap} draws 50 columns × 365 batches under headless Monocle.
 */
public final class DriftBenchmark {
    private static final int NUMERIC = 40;
    private static final int CATEGORICAL = 10;

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("heatmap")) {
            heatmap();
        } else {
            profile(Path.of(args.length > 1 ? args[1] : "/tmp/drift-bench"), args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
        }
    }

    private static void profile(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        Path reference = dir.resolve("reference.csv");
        Path batch = dir.resolve("batch-" + rows + ".csv");
        if (!Files.exists(reference)) {
            write(reference, 100_000, 1, 0.0);
        }
        if (!Files.exists(batch)) {
            long t = System.nanoTime();
            write(batch, rows, 2, 0.3);
            System.out.printf(Locale.ROOT, "wrote %s (%,d bytes) in %.1f s%n", batch, Files.size(batch), (System.nanoTime() - t) / 1e9);
        }
        Path db = dir.resolve("bench.db");
        Files.deleteIfExists(db);
        try (TrackingStore store = TrackingStore.open(db)) {
            store.registry().register(NewModelVersion.of("bench"), ChangeOptions.by("bench"));
            new DriftDatasets(store.drift()).setReference("bench", 1, reference, ProfileOptions.defaults());
            DriftReports reports = DriftReports.builtIn();
            resetPeaks();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            new DriftDatasets(store.drift()).addBatch("bench", 1, Instant.parse("2026-03-01T00:00:00Z"), batch, ProfileOptions.defaults());
            long t1 = System.nanoTime();
            DriftReport report = reports.report(store, "bench", 1);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            DriftReport.Batch b = report.latest().orElseThrow();
            System.out.printf(Locale.ROOT, "batch %,d rows x %d columns (%,d bytes): profile+store %.2f s, report %.2f s, "
                            + "total %.2f s (CPU time of the thread %.2f s); %d/%d columns drifted; peak heap %.0f MB (max %d MB)%n", rows,
                    NUMERIC + CATEGORICAL, Files.size(batch), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    (c2 - c0) / 1e9, b.driftedColumns(), b.testedColumns(), peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static void write(Path file, int rows, long seed, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] cats = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < NUMERIC; c++) {
                line.append(c == 0 ? "" : ",").append("x").append(c);
            }
            for (int c = 0; c < CATEGORICAL; c++) {
                line.append(",c").append(c);
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int c = 0; c < NUMERIC; c++) {
                    double v = (c < 10 ? shift : 0) + r.nextDouble() * 10 + c;
                    line.append(c == 0 ? "" : ",").append(Math.round(v * 1000) / 1000.0);
                }
                for (int c = 0; c < CATEGORICAL; c++) {
                    int k = r.nextInt(cats.length);
                    if (c < 2 && shift > 0 && r.nextDouble() < shift) {
                        k = 0;
                    }
                    line.append(',').append(cats[k]);
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    private static void heatmap() throws Exception {
        List<DriftReport.Batch> batches = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int b = 0; b < 365; b++) {
            List<DriftReport.Column> cols = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                double score = r.nextDouble() * 0.2;
                cols.add(new DriftReport.Column("column_" + c, ColumnType.NUMERIC, ColumnRole.FEATURE, "wasserstein", score,
                        null, 0.1, true, score >= 0.1, null));
            }
            batches.add(new DriftReport.Batch(b, t.plusSeconds(86_400L * b), 1000, false, 0, 0, 50,
                    java.util.Optional.empty(), cols));
        }
        DriftReport report = new DriftReport("bench", 1, 1000, batches);
        List<String> names = batches.get(0).columns().stream().map(DriftReport.Column::name).toList();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicLong[] times = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            DriftHeatmap map = new DriftHeatmap();
            StackPane root = new StackPane(map);
            Scene scene = new Scene(root, 1200, 1200);
            root.applyCss();
            root.layout();
            long a = System.nanoTime();
            map.setReport(report, names);
            root.layout();
            scene.snapshot(null);
            times[0].set(System.nanoTime() - a);
            for (int i = 1; i < 3; i++) {
                long s = System.nanoTime();
                map.setSelection("column_" + i, i);
                scene.snapshot(null);
                times[i].set(System.nanoTime() - s);
            }
            done.countDown();
        });
        done.await();
        System.out.printf(Locale.ROOT, "heatmap 50 columns x 365 batches: first draw incl. render %.0f ms, redraws %.0f ms, %.0f ms%n",
                times[0].get() / 1e6, times[1].get() / 1e6, times[2].get() / 1e6);
        Platform.exit();
    }
}
