package dev.cairn.viewer.common;

import dev.cairn.viewer.testing.FxWait;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's one threading seam: results and failures on the FX thread, busy count always ends, latest wins. */
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
