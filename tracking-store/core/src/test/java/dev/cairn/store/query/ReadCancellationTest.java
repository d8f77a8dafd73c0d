package dev.cairn.store.query;

import dev.cairn.store.ReadCancellation;
import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.QueryCancelledException;
import dev.cairn.store.model.Run;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stopping a store read from another thread ({@link ReadCancellation}): a count or search that scans every run
 * (a filter of many alternatives that no run matches, each a lookup per run) is cancelled while it runs, ends with
 * {@link QueryCancelledException}, and the store works afterwards; a write at the same time is not affected; a
 * cancel after the read finished changes nothing.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ReadCancellationTest extends StoreContract {
    private static final int ALTERNATIVES = 200;

    /** Runs in the store: enough for the slow query to take seconds (PostgreSQL's plan for it is slower). */
    private int runs;
    private TrackingStore store;
    private ExecutorService threads;

    @BeforeEach
    void fixture() {
        store = stores.open("s.db");
        runs = backend == Backend.SQLITE ? 20_000 : 5_000;
        store.write(w -> {
            for (int i = 0; i < runs; i++) {
                RunRef run = w.createRun(NewRun.in("sweep").withName("r" + i).withTimes(1000L + i, null));
                w.logParams(run, Map.of("p", "v" + i));
            }
        });
        threads = Executors.newCachedThreadPool();
    }

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** Matches no run, and makes the store look up every alternative for every run. */
    private static RunQuery slowQuery() {
        StringJoiner filter = new StringJoiner(" OR ");
        for (int i = 0; i < ALTERNATIVES; i++) {
            filter.add("params.p = 'none" + i + "'");
        }
        return RunQuery.all().withFilter(filter.toString()).withPageSize(10);
    }

    @Test
    void aRunningCountIsStoppedAndTheStoreWorksAfterwards() throws Exception {
        ReadCancellation reads = new ReadCancellation();
        Future<Long> count = threads.submit(() -> reads.call(() -> store.search().count(slowQuery())));
        waitUntil(() -> reads.readsRunning() == 1 || count.isDone());
        // a write while the read runs: stored, whatever happens to the read
        Future<Run> written = threads.submit(() -> store.runs().create(NewRun.in("sweep").withName("during")));

        reads.cancel();

        assertThatThrownBy(() -> count.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(QueryCancelledException.class);
        assertThat(reads.readsRunning()).isZero();
        Run during = written.get(30, TimeUnit.SECONDS);
        assertThat(store.runs().require(during.id()).name()).isEqualTo("during");
        // every pooled connection still answers (the cancelled one among them)
        for (int i = 0; i < 6; i++) {
            assertThat(store.search().count(RunQuery.all().withFilter("params.p = 'v7'"))).isEqualTo(1);
        }
        assertThat(store.search().count(RunQuery.all())).isEqualTo(runs + 1);
    }

    @Test
    void aRunningSearchIsStopped() throws Exception {
        ReadCancellation reads = new ReadCancellation();
        Future<RunPage> page = threads.submit(() -> reads.call(() -> store.search().search(slowQuery())));
        waitUntil(() -> reads.readsRunning() == 1 || page.isDone());

        reads.cancel();

        assertThatThrownBy(() -> page.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(QueryCancelledException.class);
        assertThat(store.search().search(RunQuery.all().withFilter("params.p = 'v7'")).runs())
                .extracting(Run::name).containsExactly("r7");
    }

    @Test
    void aCancelAfterTheReadFinishedChangesNothing() throws Exception {
        ReadCancellation reads = new ReadCancellation();
        long n = threads.submit(() -> reads.call(() -> store.search().count(RunQuery.all().withFilter("params.p = 'v7'"))))
                .get(30, TimeUnit.SECONDS);

        reads.cancel();

        assertThat(n).isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            assertThat(store.search().count(RunQuery.all().withFilter("params.p = 'v1'"))).isEqualTo(1);
        }
        // later searches under the same cancellation are refused before they start; writes still go through
        assertThatThrownBy(() -> reads.call(() -> store.search().count(RunQuery.all())))
                .isInstanceOf(QueryCancelledException.class);
        Run written = reads.call(() -> store.runs().create(NewRun.in("sweep").withName("after")));
        assertThat(store.runs().require(written.id()).name()).isEqualTo("after");
    }

    @Test
    void aWriteUnderACancelledCancellationIsStoredWithItsReads() throws Exception {
        ReadCancellation reads = new ReadCancellation();
        reads.cancel();
        CompletableFuture<String> id = new CompletableFuture<>();

        reads.call(() -> {
            store.write(w -> {
                RunRef run = w.createRun(NewRun.in("sweep").withName("inside"));
                w.logParams(run, Map.of("p", "inside"));
                // a read inside the unit of work is part of the write: never stopped
                assertThat(store.search().count(RunQuery.all().withFilter("params.p = 'inside'"))).isEqualTo(1);
                id.complete(run.id());
            });
            return null;
        });

        assertThat(store.runs().require(id.get()).name()).isEqualTo("inside");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 30 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
