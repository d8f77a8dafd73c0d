package dev.cairn.app.cli;

import dev.cairn.app.Main;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn import --watch} picks up points a still-running MLflow run appends, and stops cleanly. */
class ImportWatchTest {
    private static final String RUN = "99496f31203b45ada240bc2b903451a3";

    @TempDir
    Path tmp;

    @Test
    void aGrowingRunShowsItsNewPointsAndAnInterruptStopsWithAMessage() throws Exception {
        Path mlruns = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("src"));
        Path metric;
        try (var s = Files.walk(mlruns)) {
            metric = s.filter(p -> p.getParent().getFileName().toString().equals("metrics")
                    && p.getParent().getParent().getFileName().toString().equals(RUN)).findFirst().orElseThrow();
        }
        String key = metric.getFileName().toString();
        Path db = tmp.resolve("cairn.db");
        TrackingStore.open(db).close();
        StringWriter out = new StringWriter();
        AtomicInteger rc = new AtomicInteger(-1);
        Thread watcher = new Thread(() -> {
            CommandLine cli = new CommandLine(new Main());
            cli.setExecutionExceptionHandler(new CliErrors());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            rc.set(cli.execute("import", "--store", db.toString(), "--watch", "--interval", "0.2",
                    mlruns.toString()));
        });
        watcher.start();
        try (TrackingStore store = TrackingStore.open(db)) {
            awaitTrue(() -> points(store, key) > 0);
            int before = points(store, key);
            Files.writeString(metric, "1601077499000 0.123 1000\n1601077499100 0.125 1001\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            awaitTrue(() -> points(store, key) == before + 2);

            assertThat(store.metrics().read(RUN, key).steps()).contains(1000L, 1001L);
        } finally {
            watcher.interrupt();
            watcher.join(30_000);
        }
        assertThat(watcher.isAlive()).isFalse();
        assertThat(rc.get()).isZero();
        assertThat(out.toString()).contains("Ctrl+C stops").contains("1 updated")
                .containsPattern("watch stopped after \\d+ imports: 2 runs added, 1 updated");
    }

    private static int points(TrackingStore store, String key) {
        return store.runs().get(RUN).isEmpty() ? 0 : store.metrics().read(RUN, key).size();
    }

    /** Waits (with a generous deadline, not a speed assertion) for an import cycle to have done its work. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("watch never got there").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
