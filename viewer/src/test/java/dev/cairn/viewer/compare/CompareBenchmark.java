package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.query.RunQuery;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.Theme;
import io.fair_acc.dataset.DataSet;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Speed figures of the compare view (not a unit test). Run with the test classpath:
 * {@code java -cp ... dev.cairn.viewer.compare.CompareBenchmark [folder]}. Writes (once) two stores in the folder:
 * 100 runs x 100,000 steps of one metric, and 20 runs x 10 metrics x 10,000 steps; then opens the compare view on
 * a real (headless Monocle) stage and measures time to charts drawn, zoom redraw, points per series and heap.
 */
public final class CompareBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CompareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/cairn-bench");
        Files.createDirectories(folder);
        Path big = folder.resolve("runs100x100k.db");
        Path grid = folder.resolve("grid20x10x10k.db");
        if (!Files.exists(big)) {
            write(big, 100, 1, 100_000);
        }
        if (!Files.exists(grid)) {
            write(grid, 20, 10, 10_000);
        }
        headless();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get();
        Platform.runLater(() -> Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()));
        String which = args.length > 1 ? args[1] : "all";
        if (!which.equals("grid")) {
            try (TrackingStore store = TrackingStore.open(big)) {
                measure("100 runs x 100,000 steps, 1 chart (cold JVM)", store, 1, true);
                measure("100 runs x 100,000 steps, 1 chart (second open)", store, 1, false);
            }
        }
        if (!which.equals("big")) {
            try (TrackingStore store = TrackingStore.open(grid)) {
                measure("20 runs x 10 metrics x 10,000 steps, 10 charts (cold JVM)", store, 10, false);
                measure("20 runs x 10 metrics x 10,000 steps, 10 charts (second open)", store, 10, false);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    private static void write(Path file, int runs, int metrics, int steps) {
        long t0 = System.nanoTime();
        Random random = new Random(7);
        try (TrackingStore store = TrackingStore.open(file)) {
            for (int r = 0; r < runs; r++) {
                Run run = store.runs().create(NewRun.in("bench").withName("run-" + r)
                        .withTimes(1_700_000_000_000L, 1_700_000_000_000L + steps * 100L));
                store.runs().logParam(run.id(), "lr", r % 4 == 0 ? "0.1" : "0.01");
                long[] s = new long[steps];
                long[] t = new long[steps];
                for (int i = 0; i < steps; i++) {
                    s[i] = i;
                    t[i] = 1_700_000_000_000L + i * 100L;
                }
                for (int m = 0; m < metrics; m++) {
                    double[] v = new double[steps];
                    double scale = 1 + random.nextDouble();
                    for (int i = 0; i < steps; i++) {
                        v[i] = scale / Math.sqrt(i + 1.0) + random.nextGaussian() * 0.02;
                    }
                    store.metrics().append(run.id(), metrics == 1 ? "loss" : "metric/" + m, s, t, v);
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d runs x %d metrics x %,d steps in %.1f s%n", file.getFileName(),
                runs, metrics, steps, (System.nanoTime() - t0) / 1e9);
    }

    private static void measure(String name, TrackingStore store, int charts, boolean zoom) throws Exception {
        List<String> ids = runIds(store);
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        CompareView[] view = new CompareView[1];
        CompareViewModel[] vm = new CompareViewModel[1];
        FxTaskRunner runner = new FxTaskRunner(2);
        onFx(() -> {
            vm[0] = new CompareViewModel(store, runner, ids);
            view[0] = new CompareView(vm[0], Theme.LIGHT, runner);
            Stage stage = new Stage();
            stage.setScene(new Scene((javafx.scene.Parent) view[0].node(), 1280, 780));
            stage.show();
            vm[0].load();
        });
        waitFor(() -> vm[0].charts().charts().size() >= Math.min(charts, ChartsViewModel.DEFAULT_PICKED));
        if (charts > ChartsViewModel.DEFAULT_PICKED) {
            onFx(() -> vm[0].charts().pickMatching());
        }
        waitFor(() -> vm[0].charts().charts().size() == charts
                && view[0].chartViews().stream().allMatch(v -> v.viewModel().loadCount() > 0));
        waitForPulse();
        double drawn = (System.nanoTime() - t0) / 1e6;
        double cpuDrawn = (OS.getProcessCpuTime() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "%s%n  compare -> charts drawn: %.0f ms wall, %.0f ms process CPU%n", name,
                drawn, cpuDrawn);
        report(view[0]);
        if (zoom) {
            MetricChartView chart = view[0].chartViews().get(0);
            double[][] ranges = {{20_000, 30_000}, {25_000, 25_500}, {0, 100_000}};
            for (int round = 0; round < 9; round++) {
                double[] range = ranges[round % 3];
                int before = chart.viewModel().loadCount();
                long z0 = System.nanoTime();
                long c0 = OS.getProcessCpuTime();
                onFx(() -> {
                    chart.xAxis().setAutoRanging(false);
                    chart.xAxis().set(range[0], range[1]);
                    chart.viewModel().zoomTo(range[0], range[1]);
                });
                waitFor(() -> chart.viewModel().loadCount() > before);
                waitForPulse();
                System.out.printf(Locale.ROOT, "  round %d zoom to steps %.0f..%.0f: redraw %.0f ms wall, %.0f ms"
                                + " process CPU%n", round / 3 + 1, range[0], range[1],
                        (System.nanoTime() - z0) / 1e6, (OS.getProcessCpuTime() - c0) / 1e6);
            }
            report(view[0]);
        }
        onFx(() -> {
            vm[0].stopLive();
            view[0].node().getScene().getWindow().hide();
        });
        runner.shutdown();
    }

    private static List<String> runIds(TrackingStore store) {
        List<String> ids = new ArrayList<>();
        store.search().searchAll(dev.cairn.store.query.RunQuery.all()).forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static void report(CompareView view) throws Exception {
        int[] max = new int[1];
        long[] total = new long[1];
        onFx(() -> view.chartViews().forEach(v -> {
            for (DataSet ds : v.chart().getAllDatasets()) {
                max[0] = Math.max(max[0], ds.getDataCount());
                total[0] += ds.getDataCount();
            }
        }));
        System.gc();
        Thread.sleep(200);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "  max points per series in the scene: %,d (all series: %,d); heap used after"
                + " GC: %d MB of %d MB max%n", max[0], total[0], (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(180, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            onFx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    /** Waits until the scene graph has been laid out and rendered once more. */
    private static void waitForPulse() throws Exception {
        CompletableFuture<Void> pulse = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 2) {
                        stop();
                        pulse.complete(null);
                    }
                }
            };
            timer.start();
        });
        pulse.get(180, TimeUnit.SECONDS);
    }
}
