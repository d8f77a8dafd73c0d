package dev.cairn.viewer.hparams;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.DirectTaskRunner;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Speed of the hyperparameter view on 10,000 runs × 20 params (not a test: run its main, figures on stdout).
 * Measures reading the runs, importance off the FX thread, the first parallel-coordinates draw and brush updates,
 * wall and CPU time (the machine is shared; thread CPU for store reads and importance, process CPU for drawing,
 * which also uses the fork-join pool). Runs JavaFX headless (Monocle) unless -Dbench.glass is set.
 */
public final class HparamsBenchmark {
    private static final int RUNS = 10_000;
    private static final int PARAMS = 20;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HparamsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.glass") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path dir = Files.createTempDirectory("hparams-bench");
        try (TrackingStore store = TrackingStore.open(dir.resolve("bench.db"))) {
            long t0 = System.nanoTime();
            List<String> ids = writeSweep(store);
            print("write %d runs x %d params", (System.nanoTime() - t0) / 1e6, 0, RUNS, PARAMS);

            long w = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            Map<String, RunDetails> byId = store.runs().details(ids);
            List<RunDetails> details = ids.stream().map(byId::get).toList();
            Target target = new Target("val/accuracy", MetricAggregate.MAX, Goal.MAXIMISE);
            SweepTable table = SweepTable.of(details, target);
            print("read details + build table", ms(w), cpuMs(c));

            for (int rep = 0; rep < 1; rep++) {
                w = System.nanoTime();
                c = CPU.getCurrentThreadCpuTime();
                List<Double> progress = new ArrayList<>();
                ImportanceReport report = new ImportanceEstimator().estimate(table, table.varyingParams(),
                        progress::add);
                print("importance (off FX thread, %d progress updates, top: %s)", ms(w), cpuMs(c),
                        progress.size(), report.params().get(0).param());
            }

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    drawAndBrush(store, ids);
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(10, TimeUnit.MINUTES);
            Platform.exit();
        }
    }

    private static void drawAndBrush(TrackingStore store, List<String> ids) {
        HparamsViewModel vm = new HparamsViewModel(store, new DirectTaskRunner(),
                new ImportanceEstimator(5, 1), Runnable::run);
        vm.setRuns(ids);
        ParallelCoordinatesChart chart = new ParallelCoordinatesChart(vm);
        Stage stage = new Stage();
        stage.setScene(new Scene(chart, 1600, 900));
        stage.show();
        chart.applyCss();
        chart.layout();
        print("axes shown: %d (20 params + target)", 0, 0, vm.axesProperty().get().size());
        for (int rep = 0; rep < 3; rep++) {
            long w = System.nanoTime();
            long c = processCpu();
            chart.rebuild();
            print("parallel coordinates full draw, 10,000 lines (1600x900)", ms(w), processCpuMs(c));
        }
        List<PlotAxis> axes = vm.axesProperty().get();
        List<double[]> samples = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 40; i++) {
            PlotAxis axis = axes.get(random.nextInt(axes.size()));
            double lo = random.nextDouble() * 0.6;
            long w = System.nanoTime();
            long c = processCpu();
            if (i % 10 == 9) {
                vm.clearBrushes();
            } else {
                vm.brush(axis.key(), new Brush(lo, lo + 0.2 + random.nextDouble() * 0.2));
            }
            samples.add(new double[] {ms(w), processCpuMs(c), vm.keptCountProperty().get()});
        }
        samples.sort(java.util.Comparator.comparingDouble(s -> s[1]));
        double[] median = samples.get(samples.size() / 2);
        double[] p90 = samples.get(samples.size() * 9 / 10);
        double[] worst = samples.get(samples.size() - 1);
        print("brush update, median by cpu (%d runs kept)", median[0], median[1], (int) median[2]);
        print("brush update, 90th percentile by cpu (%d runs kept)", p90[0], p90[1], (int) p90[2]);
        print("brush update, worst by cpu (%d runs kept)", worst[0], worst[1], (int) worst[2]);
        // while dragging: lines at half resolution (ParallelCoordinatesChart.DRAFT_SCALE)
        chart.setDraft(true);
        samples.clear();
        for (int i = 0; i < 40; i++) {
            PlotAxis axis = axes.get(random.nextInt(axes.size()));
            double lo = random.nextDouble() * 0.6;
            long w = System.nanoTime();
            long c = processCpu();
            if (i % 10 == 9) {
                vm.clearBrushes();
            } else {
                vm.brush(axis.key(), new Brush(lo, lo + 0.2 + random.nextDouble() * 0.2));
            }
            samples.add(new double[] {ms(w), processCpuMs(c), vm.keptCountProperty().get()});
        }
        chart.setDraft(false);
        samples.sort(java.util.Comparator.comparingDouble(s -> s[1]));
        median = samples.get(samples.size() / 2);
        p90 = samples.get(samples.size() * 9 / 10);
        print("brush update while dragging (draft), median by cpu (%d runs kept)", median[0], median[1],
                (int) median[2]);
        print("brush update while dragging (draft), 90th percentile by cpu (%d runs kept)", p90[0], p90[1],
                (int) p90[2]);
        stage.close();
    }

    private static List<String> writeSweep(TrackingStore store) {
        Random random = new Random(11);
        String[] optimizers = {"sgd", "adam", "adagrad", "rmsprop"};
        String[] activations = {"relu", "gelu", "tanh"};
        List<Map<String, String>> params = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Map<String, String> p = new HashMap<>();
            p.put("learning_rate", String.valueOf(Math.pow(10, -5 + 4 * random.nextDouble())));
            p.put("weight_decay", String.valueOf(Math.pow(10, -6 + 4 * random.nextDouble())));
            p.put("dropout", String.valueOf(0.6 * random.nextDouble()));
            p.put("momentum", String.valueOf(0.8 + 0.19 * random.nextDouble()));
            p.put("warmup", String.valueOf(random.nextInt(2000)));
            p.put("batch_size", String.valueOf(16 << random.nextInt(5)));
            p.put("epochs", String.valueOf(5 * (1 + random.nextInt(10))));
            p.put("layers", String.valueOf(1 + random.nextInt(12)));
            p.put("hidden", String.valueOf(64 << random.nextInt(5)));
            p.put("heads", String.valueOf(1 << random.nextInt(4)));
            p.put("seed", String.valueOf(random.nextInt(100_000)));
            p.put("label_smoothing", String.valueOf(0.2 * random.nextDouble()));
            p.put("grad_clip", random.nextInt(5) == 0 ? "none" : String.valueOf(random.nextInt(5) + 1));
            p.put("optimizer", optimizers[random.nextInt(optimizers.length)]);
            p.put("activation", activations[random.nextInt(activations.length)]);
            p.put("scheduler", random.nextBoolean() ? "cosine" : "step");
            p.put("norm", random.nextBoolean() ? "layer" : "batch");
            p.put("augment", String.valueOf(random.nextBoolean()));
            if (random.nextInt(10) > 0) {
                p.put("beta2", String.valueOf(0.99 + 0.009 * random.nextDouble()));
            }
            p.put("tokenizer", "bpe-" + (random.nextInt(3) * 16 + 16) + "k");
            params.add(p);
        }
        return SweepStores.write(store, "bench sweep", RUNS, params::get, "val/accuracy", p -> {
            double lr = Math.log10(Double.parseDouble(p.get("learning_rate")));
            double dropout = Double.parseDouble(p.get("dropout"));
            return 0.95 - 0.08 * (lr + 3) * (lr + 3) - 0.1 * Math.abs(dropout - 0.2)
                    + (p.get("optimizer").equals("adam") ? 0.02 : 0);
        });
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double cpuMs(long startCpuNanos) {
        return (CPU.getCurrentThreadCpuTime() - startCpuNanos) / 1e6;
    }

    /** CPU time of the whole process (the drawing uses the common fork-join pool too). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double processCpuMs(long start) {
        return (processCpu() - start) / 1e6;
    }

    private static void print(String what, double wallMs, double cpuMs, Object... args) {
        System.out.printf(Locale.ROOT, "%-80s %9.1f ms wall %9.1f ms cpu%n", String.format(Locale.ROOT, what, args),
                wallMs, cpuMs);
    }
}
