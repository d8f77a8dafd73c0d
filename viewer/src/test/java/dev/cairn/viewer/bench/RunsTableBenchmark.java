package dev.cairn.viewer.bench;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.bench.SyntheticRuns;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.ManualTicker;
import dev.cairn.viewer.runs.ColumnSpec;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.runs.RunsTableView;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Speed figures for the runs table (a benchmark, not a test): a 100,000-run store (20 params, 10 metrics each,
 * sweeps of 100 nested runs), opened with the real view-model and table on a stage under Monocle. Prints the time
 * from the store chosen to the first rows, to the end of the read-ahead (the table holds a window of pages, more on
 * scroll), a filter and a sort (both in the store) until the table shows their first rows, the heap after GC, and
 * the process CPU time of each step. Run with
 * {@code java -XX:TieredStopAtLevel=1 -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * dev.cairn.viewer.bench.RunsTableBenchmark [store file]}; the store is generated once and kept.
 * {@code -Dbench.firstRowsOnly=true} stops after the first rows (to compare cold starts, e.g. with and without a
 * class-data-sharing archive: {@code -XX:SharedArchiveFile=...}); the first line then also gives the time since the
 * JVM started (JavaFX start-up and the stage included). {@code -Dbench.openEarly=true} opens the store on another
 * thread while JavaFX starts, as the app does with the store of its command line; its first line then measures from
 * the stage shown. {@code -XX:TieredStopAtLevel=1} is the JIT every Cairn launcher selects (ADR 0017).
 */
public final class RunsTableBenchmark {
    private static final int RUNS = 100_000;
    private static final int POINTS = 5;

    private RunsTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/cairn-bench-100k.db");
        if (!Files.exists(file)) {
            generate(file);
        }
        // -Dbench.openEarly=true: as the app does (ADR 0016), the store opens on its own thread while JavaFX starts
        boolean early = Boolean.getBoolean("bench.openEarly");
        CompletableFuture<TrackingStore> opening = early
                ? CompletableFuture.supplyAsync(() -> TrackingStore.open(file)) : null;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        FxTaskRunner runner = new FxTaskRunner(2);
        RunsViewModel vm = new RunsViewModel(runner, new ManualTicker());
        if (Boolean.getBoolean("bench.noReadAhead")) {
            vm.setReadAhead(1);
        }
        RunsTableView view = onFx(() -> {
            RunsTableView v = new RunsTableView(vm);
            vm.columns().setAll(ColumnSpec.param("p0"), ColumnSpec.param("p1"),
                    ColumnSpec.metric("m0", MetricAggregate.LAST), ColumnSpec.metric("m1", MetricAggregate.MIN));
            Stage stage = new Stage();
            stage.setScene(new Scene(v.table(), 1200, 800));
            stage.show();
            return v;
        });

        long cpu0 = mark();
        long t0 = System.nanoTime();
        TrackingStore store = early ? opening.join() : TrackingStore.open(file);
        onFx(() -> {
            vm.attach(store);
            return null;
        });
        waitFor(() -> onFxQuiet(() -> !view.table().getItems().isEmpty()));
        onFx(() -> {
            view.table().layout();
            return null;
        });
        report(early ? "first rows shown (store opened while JavaFX started)" : "first rows shown", t0, cpu0);
        if (Boolean.getBoolean("bench.firstRowsOnly")) {
            System.out.printf(Locale.ROOT, "%-62s %8d ms wall  %8.0f ms cpu%n", "first rows shown since JVM start",
                    ManagementFactory.getRuntimeMXBean().getUptime(), cpu() / 1e6);
            System.exit(0);
        }

        cpu0 = mark();
        waitFor(() -> onFxQuiet(() -> !vm.loadingProperty().get()));
        report("read-ahead done: " + onFx(() -> vm.rows().size()) + " of " + onFx(() -> vm.matchingRunsProperty()
                .get()) + " runs held (background)", t0, cpu0);
        heap();

        for (int round = 0; round < 3; round++) {
            final String filter = round % 2 == 0 ? "params.p0 > 0.5 and metrics.m0 < 0.3" : "params.p3 = \"b\"";
            cpu0 = mark();
            t0 = System.nanoTime();
            CountDownLatch shown = new CountDownLatch(1);
            onFx(() -> {
                ListChangeListener<RunRow> once = new ListChangeListener<>() {
                    @Override
                    public void onChanged(Change<? extends RunRow> c) {
                        vm.visibleRows().removeListener(this);
                        view.table().layout();
                        shown.countDown();
                    }
                };
                vm.visibleRows().addListener(once);
                vm.applyFilter(filter);
                return null;
            });
            shown.await(60, TimeUnit.SECONDS);
            report("filter applied, first rows shown (" + onFx(() -> vm.rows().size()) + " loaded so far)", t0, cpu0);
        }
        onFx(() -> {
            vm.applyFilter("");
            return null;
        });
        waitFor(() -> onFxQuiet(() -> !vm.loadingProperty().get() && vm.matchingRunsProperty().get() == RUNS));

        for (String column : List.of("col-param:p1", "col-metric:min:m1", "col-name")) {
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                long c = mark();
                long t = System.nanoTime();
                CountDownLatch sorted = new CountDownLatch(1);
                onFx(() -> {
                    ListChangeListener<RunRow> replaced = new ListChangeListener<>() {
                        @Override
                        public void onChanged(Change<? extends RunRow> ch) {
                            while (ch.next()) {
                                if (ch.wasReplaced() && ch.getFrom() == 0) {
                                    vm.rows().removeListener(this);
                                    Platform.runLater(() -> {
                                        view.table().layout();
                                        sorted.countDown();
                                    });
                                    return;
                                }
                            }
                        }
                    };
                    vm.rows().addListener(replaced);
                    TableColumn<RunRow, ?> col = view.table().getColumns().stream()
                            .filter(x -> column.equals(x.getId())).findFirst().orElseThrow();
                    col.setSortType(type);
                    view.table().getSortOrder().setAll(col);
                    return null;
                });
                sorted.await(60, TimeUnit.SECONDS);
                report("sort " + column + " " + type.name().toLowerCase(Locale.ROOT) + " in the store over "
                        + vm.matchingRunsProperty().get() + " runs, first rows shown", t, c);
                waitFor(() -> onFxQuiet(() -> !vm.loadingProperty().get()));
            }
        }
        heap();
        onFx(() -> {
            vm.detach();
            return null;
        });
        store.close();

        long c = mark();
        long t = System.nanoTime();
        TrackingStore again = TrackingStore.open(file);
        onFx(() -> {
            vm.attach(again);
            return null;
        });
        waitFor(() -> onFxQuiet(() -> !view.table().getItems().isEmpty()));
        onFx(() -> {
            view.table().layout();
            return null;
        });
        report("first rows shown, store opened again (warm JVM)", t, c);
        onFx(() -> {
            vm.detach();
            return null;
        });
        again.close();
        runner.shutdown();
        Platform.exit();
    }

    private static void generate(Path file) {
        long t0 = System.nanoTime();
        try (TrackingStore store = TrackingStore.open(file)) {
            SyntheticRuns.write(store, RUNS, new SyntheticRuns.Shape(i -> "bench-" + (i % 5), POINTS, false),
                    new Random(42), n -> { });
        }
        System.out.printf(Locale.ROOT, "generated %,d runs in %.1f s -> %s%n", RUNS, (System.nanoTime() - t0) / 1e9,
                file);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static boolean onFxQuiet(BooleanSupplier check) {
        try {
            return onFx(check::getAsBoolean);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }

    /** Starts a measured step: the process CPU time now; the per-thread split counts from here. */
    private static long mark() {
        threadCpu0 = threadCpu();
        return cpu();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpu0 = threadCpu();

    private static void report(String what, long t0, long cpu0) {
        long process = cpu() - cpu0;
        System.out.printf(Locale.ROOT, "%-62s %8.0f ms wall  %8.0f ms cpu  (%s)%n", what,
                (System.nanoTime() - t0) / 1e6, process / 1e6, split(process));
    }

    /** Process CPU time by thread group since the last report: FX thread, store threads, renderer, JVM (JIT, GC). */
    private static String split(long process) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        long java = 0;
        for (Map.Entry<Long, Long> e : threadCpu().entrySet()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
            if (info == null) {
                continue;
            }
            long used = e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L);
            String name = info.getThreadName();
            String group = name.startsWith("JavaFX Application") ? "fx" : name.startsWith("cairn-store") ? "store"
                    : name.startsWith("QuantumRenderer") ? "render" : name.equals("main") ? "main" : "other";
            byGroup.merge(group, used, Long::sum);
            java += used;
        }
        byGroup.put("jvm", process - java);
        StringBuilder out = new StringBuilder();
        byGroup.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append(' ')
                .append(Math.round(v / 1e6)));
        return out.toString();
    }

    private static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static void heap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-62s %8.0f MB%n", "heap used after GC",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
