package dev.cairn.store.log;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.testing.ThrowawayPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection: the PostgreSQL server of a team store is restarted (and stopped) while the Java logging API writes
 * to it. The test owns a throwaway cluster ({@link ThrowawayPostgres}), so restarting it disturbs no other test.
 */
class PostgresRestartTest {
    @TempDir
    Path tmp;
    private ThrowawayPostgres cluster;

    @AfterEach
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void restartsMidWriteLoseNoPointAndWriteNoneTwice() throws Exception {
        cluster = ThrowawayPostgres.start(tmp);
        int points = 60_000;
        int restarts = 3;
        String runId;
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri()), StoreOptions.local());
             Cairn cairn = Cairn.on(store, Duration.ofMillis(20))) {
            ActiveRun run = cairn.experiment("restart").startRun("mid-write");
            runId = run.id();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread training = new Thread(() -> {
                try {
                    for (int step = 0; step < points; step++) {
                        run.metric("loss", step * 0.5, step);
                        // a training loop that keeps the buffer small while the server is up
                        while (step % 100 == 0 && cairn.bufferedPoints() > 2_000 && !outage) {
                            LockSupport.parkNanos(200_000);
                        }
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "training");
            training.start();
            for (int r = 0; r < restarts; r++) {
                long flushes = cairn.flushCount();
                waitUntil(() -> cairn.flushCount() >= flushes + 3 || !training.isAlive());
                outage = true;
                cluster.restart();
                outage = false;
            }
            training.join(TimeUnit.MINUTES.toMillis(5));
            assertThat(training.isAlive()).isFalse();
            assertThat(failed.get()).as("the training code never sees the outage").isNull();
            run.close();
            assertThat(cairn.bufferedPoints()).isZero();
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri()), StoreOptions.local())) {
            assertThat(store.search().count(RunQuery.all())).isEqualTo(1);
            assertThat(store.runs().require(runId).status()).isEqualTo(RunStatus.FINISHED);
            assertEveryStepOnce(store.metrics().read(runId, "loss"), points);
        }
    }

    @Test
    void anOutageLongerThanTheRetriesIsReportedAndLosesNothing() throws Exception {
        cluster = ThrowawayPostgres.start(tmp);
        int points = 5_000;
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri()), StoreOptions.local());
             Cairn cairn = Cairn.on(store, Duration.ofHours(1))) {
            ActiveRun run = cairn.experiment("outage").startRun("server-down");
            for (int step = 0; step < points / 2; step++) {
                run.metric("loss", step, step);
            }
            cairn.flush();
            cluster.stop();
            for (int step = points / 2; step < points; step++) {
                run.metric("loss", step, step);
            }

            assertThatThrownBy(cairn::flush).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(store.location().displayName())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(cairn.bufferedPoints()).as("kept for the next flush").isEqualTo(points / 2);

            cluster.start();
            cairn.flush();
            assertThat(cairn.bufferedPoints()).isZero();
            assertThat(store.search().count(RunQuery.all())).as("the pool recovered").isEqualTo(1);
            assertEveryStepOnce(store.metrics().read(run.id(), "loss"), points);
        }
    }

    private volatile boolean outage;

    private static void assertEveryStepOnce(MetricSeries series, int points) {
        long[] steps = series.steps();
        Map<Long, Integer> seen = new HashMap<>();
        for (long s : steps) {
            seen.merge(s, 1, Integer::sum);
        }
        List<Long> twice = new ArrayList<>();
        seen.forEach((s, n) -> {
            if (n > 1) {
                twice.add(s);
            }
        });
        List<Long> missing = new ArrayList<>();
        for (long s = 0; s < points; s++) {
            if (!seen.containsKey(s)) {
                missing.add(s);
            }
        }
        System.out.printf("PostgreSQL restart: %d points, %d lost, %d written twice%n", points, missing.size(),
                twice.size());
        assertThat(missing).as("points lost").isEmpty();
        assertThat(twice).as("points written twice").isEmpty();
        assertThat(steps).hasSize(points);
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
