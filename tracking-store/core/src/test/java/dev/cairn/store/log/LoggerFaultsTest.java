package dev.cairn.store.log;

import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging API under injected faults: a store held locked past the busy timeout, closes racing, late metrics. */
class LoggerFaultsTest {
    @TempDir
    Path tmp;

    private TrackingStore open(Path file) {
        return TrackingStore.open(file, new StoreOptions(StoreMode.LOCAL, Duration.ofMillis(300), true));
    }

    /** Another process's write transaction, held until closed. */
    private static Connection lock(Path file) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 30000"); // waits out a flush in flight, then holds the lock
            st.execute("BEGIN IMMEDIATE");
        }
        return c;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(20);
        }
    }

    @Test
    @Timeout(120)
    void aLastFlushFailingOnALockedStoreKeepsTheRunUntilItsPointsAndStatusAreWritten() throws Exception {
        Path file = tmp.resolve("locked.db");
        try (TrackingStore store = open(file); Cairn cairn = Cairn.on(store, Duration.ofMillis(100))) {
            ActiveRun run = cairn.experiment("e").startRun("r");
            Connection holder = lock(file); // before the points: no flush can write them while it is held
            try {
                for (int i = 0; i < 1000; i++) {
                    run.metric("loss", i * 0.5, i);
                }
                run.close(); // the last flush times out: must not lose the points nor throw into training code
                assertThat(store.runs().require(run.id()).status()).isEqualTo(RunStatus.RUNNING);
                assertThat(cairn.bufferedPoints()).isEqualTo(1000);
            } finally {
                try (Statement st = holder.createStatement()) {
                    st.execute("ROLLBACK");
                }
                holder.close();
            }
            // the background flusher retries: points and status arrive together
            waitUntil(() -> store.runs().require(run.id()).status() == RunStatus.FINISHED);
            assertThat(store.metrics().read(run.id(), "loss").size()).isEqualTo(1000);
            assertThat(cairn.bufferedPoints()).isZero();
        }
    }

    @Test
    void metricsAfterCloseAreDroppedWithoutAnException() throws Exception {
        Path file = tmp.resolve("late.db");
        ActiveRun late;
        ActiveRun closedRun;
        try (TrackingStore store = open(file)) {
            Cairn cairn = Cairn.on(store);
            late = cairn.experiment("e").startRun("open-at-close");
            closedRun = cairn.experiment("e").startRun("closed-first");
            late.metric("loss", 1.0, 0);
            closedRun.close();
            closedRun.metric("loss", 2.0, 1); // run closed: dropped, one WARN
            cairn.close();
            late.metric("loss", 3.0, 1);      // logger closed: dropped, one WARN
            late.metric("loss", 4.0);
            assertThat(store.metrics().read(late.id(), "loss").size()).isEqualTo(1);
            assertThat(store.runs().require(late.id()).status()).isEqualTo(RunStatus.FINISHED);
            assertThat(store.runs().require(closedRun.id()).status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    @Timeout(120)
    void theBufferBoundIsAcrossRunsAndPastItOneFlushAtATime() throws Exception {
        Path file = tmp.resolve("bound.db");
        try (TrackingStore store = open(file); Cairn cairn = Cairn.on(store, Duration.ofHours(1))) {
            List<ActiveRun> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                runs.add(cairn.experiment("e").startRun("r" + r));
            }
            // 3 x 200k: no single run reaches the bound, all runs together do
            for (int i = 0; i < 200_000; i++) {
                for (ActiveRun run : runs) {
                    run.metric("m", i, i);
                }
            }
            waitUntil(() -> cairn.bufferedPoints() < Cairn.EAGER_FLUSH_POINTS);
            long written = 0;
            for (ActiveRun run : runs) {
                written += store.metrics().read(run.id(), "m").size();
            }
            assertThat(written).isGreaterThanOrEqualTo(Cairn.EAGER_FLUSH_POINTS);
            // no flush storm: a handful of transactions, not one per metric() call past the bound
            assertThat(cairn.flushCount()).isLessThan(20);
        }
    }

    @Test
    @Timeout(60)
    void closeFromTwoThreadsAtOnceClosesOnce() throws Exception {
        Path file = tmp.resolve("close.db");
        for (int trial = 0; trial < 20; trial++) {
            Cairn cairn = Cairn.open(file);
            ActiveRun run = cairn.experiment("e").startRun("t" + trial);
            run.metric("m", 1, 0);
            CountDownLatch go = new CountDownLatch(1);
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        cairn.close();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(errors).as("trial %d", trial).isEmpty();
            try (TrackingStore store = TrackingStore.open(file)) {
                assertThat(store.runs().require(run.id()).status()).isEqualTo(RunStatus.FINISHED);
                assertThat(store.metrics().read(run.id(), "m").size()).isEqualTo(1);
            }
        }
    }
}
