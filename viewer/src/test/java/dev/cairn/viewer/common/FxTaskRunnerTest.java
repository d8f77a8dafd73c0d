package dev.cairn.viewer.common;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.QueryCancelledException;
import dev.cairn.store.query.RunQuery;
import dev.cairn.viewer.testing.FxWait;
import dev.cairn.viewer.testing.TeeStream;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's one threading seam: results and failures on the FX thread, busy count always ends, latest wins, a
 * superseded job's store read is stopped.
 */
class FxTaskRunnerTest {
    private FxTaskRunner runner;

    @BeforeAll
    static void startFx() throws Exception {
        // through TestFX, as the FX tests after this one in the same JVM start it: a toolkit started here with
        // Platform.startup left their robot's clicks and keys unanswered (RegistryInWindowFxTest, RegistryViewFxTest)
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void resultsAndFailuresArriveOnTheFxThread() throws Exception {
        runner = new FxTaskRunner(1);
        AtomicReference<String> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Boolean> onFx = Collections.synchronizedList(new ArrayList<>());
        Platform.runLater(() -> {
            runner.submit("ok", () -> "done", v -> {
                onFx.add(Platform.isFxApplicationThread());
                value.set(v);
            }, failure::set);
            runner.submit("bad", () -> {
                throw new IllegalStateException("store gone");
            }, v -> { }, e -> {
                onFx.add(Platform.isFxApplicationThread());
                failure.set(e);
            });
        });
        FxWait.until(30, () -> value.get() != null && failure.get() != null);
        assertThat(value.get()).isEqualTo("done");
        assertThat(failure.get()).hasMessage("store gone");
        assertThat(onFx).containsExactly(true, true);
        FxWait.until(30, () -> runner.work().runningProperty().get() == 0);
    }

    @Test
    void aJobCancelledBeforeItStartsEndsItsBusyCount() throws Exception {
        runner = new FxTaskRunner(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Cancellable> queued = new AtomicReference<>();
        Platform.runLater(() -> {
            runner.submit("blocker", () -> {
                release.await();
                return 1;
            }, v -> { }, e -> { });
            queued.set(runner.submit("queued", () -> 2, v -> { }, e -> { }));
        });
        FxWait.until(30, () -> runner.work().runningProperty().get() == 2);
        FxWait.on(() -> {
            queued.get().cancel(); // still waiting behind the blocker: it will never run
            return null;
        });
        release.countDown();
        FxWait.until(30, () -> runner.work().runningProperty().get() == 0);
        assertThat(FxWait.on(() -> runner.work().visibleProperty().get())).isFalse();
    }

    /**
     * A filter superseded while its count runs: the store stops that count (the job sees the store's
     * QueryCancelledException, not a result), the newer request is delivered, and the runner logs no WARN for the
     * stopped job.
     */
    @Test
    void aSupersededCountIsStoppedInTheStoreWithoutAWarning(@TempDir Path dir) throws Exception {
        try (TrackingStore store = TrackingStore.open(dir.resolve("big.db"))) {
            store.write(w -> {
                for (int i = 0; i < 20_000; i++) {
                    RunRef run = w.createRun(NewRun.in("sweep").withName("r" + i).withTimes(1000L + i, null));
                    w.logParams(run, Map.of("p", "v" + i));
                }
            });
            StringJoiner slow = new StringJoiner(" OR "); // matches no run, looked up 200 times per run
            for (int i = 0; i < 200; i++) {
                slow.add("params.p = 'none" + i + "'");
            }
            runner = new FxTaskRunner(2);
            LatestOnly counts = new LatestOnly(runner);
            CountDownLatch counting = new CountDownLatch(1);
            CompletableFuture<Throwable> stopped = new CompletableFuture<>();
            List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
            try {
                FxWait.on(() -> {
                    counts.submit("Counting", p -> {
                        counting.countDown();
                        try {
                            return store.search().count(RunQuery.all().withFilter(slow.toString()));
                        } catch (RuntimeException e) {
                            stopped.complete(e);
                            throw e;
                        }
                    }, delivered::add, e -> { });
                    return null;
                });
                counting.await(30, TimeUnit.SECONDS);

                FxWait.on(() -> {
                    counts.submit("Counting", p -> store.search().count(RunQuery.all().withFilter("params.p = 'v7'")),
                            delivered::add, e -> { });
                    return null;
                });

                assertThat(stopped.get(30, TimeUnit.SECONDS)).isInstanceOf(QueryCancelledException.class);
                FxWait.until(30, () -> delivered.contains(1L) && runner.work().runningProperty().get() == 0);
            } finally {
                System.setErr(originalErr);
            }
            assertThat(delivered).containsExactly(1L);
            assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
        }
    }

    @Test
    void latestOnlyDeliversOnlyTheLastRequest() throws Exception {
        runner = new FxTaskRunner(2);
        LatestOnly latest = new LatestOnly(runner);
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch slow = new CountDownLatch(1);
        Platform.runLater(() -> {
            latest.submit("load", p -> {
                slow.await();
                return 1;
            }, delivered::add, e -> { });
            latest.submit("load", p -> 2, delivered::add, e -> { });
        });
        FxWait.until(30, () -> delivered.contains(2));
        slow.countDown();
        FxWait.until(30, () -> runner.work().runningProperty().get() == 0);
        assertThat(delivered).containsExactly(2);
    }
}
