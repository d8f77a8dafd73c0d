package dev.cairn.app.serve;

import dev.cairn.store.StoreWork;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for logging requests: request threads hand their write work to one writer thread through a short
 * bounded queue and wait; the writer takes everything queued (up to {@link #MAX_GROUP} requests), writes it in one
 * unit of work, and answers each request only once that unit has committed. Concurrent clients then share one
 * transaction (one lock hand-over, one commit) instead of queueing on the store's write lock one by one.
 *
 * <p>Each request keeps its own outcome: when a group fails (one request's param conflicts with a logged value,
 * say), its requests are written again one by one, so the failing one gets its error and writes nothing while the
 * others are stored; a group that fails because the store cannot be reached fails whole (see {@link #commit}). A full
 * queue makes request threads wait (back-pressure), nothing is dropped.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Requests waiting for the writer at most; more wait to enqueue. */
    static final int QUEUE = 64;
    /** Requests written in one transaction at most (1,000-metric batches: 32,000 points). */
    static final int MAX_GROUP = 32;

    private record Item(StoreWork work, CompletableFuture<Void> done) {
    }

    private final TrackingStore store;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean closing;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();

    GroupCommit(TrackingStore store) {
        this.store = store;
        this.writer = new Thread(this::loop, "cairn-serve-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes {@code work} (all of it or nothing) and returns once it is committed; throws what the work threw, or
     * what the store threw writing it.
     */
    void write(StoreWork work) {
        if (closing) {
            throw new ApiException(ApiException.Code.TEMPORARILY_UNAVAILABLE, "The tracking server is stopping.");
        }
        Item item = new Item(work, new CompletableFuture<>());
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the request was written", e);
        }
        try {
            item.done().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void loop() {
        List<Item> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            Item first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
                closing = true;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            commit(group);
            group.clear();
        }
    }

    /** Requests written and transactions committed so far (their ratio is the mean group size). */
    long[] counts() {
        return new long[] {requests.get(), transactions.get()};
    }

    private void commit(List<Item> group) {
        requests.addAndGet(group.size());
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        try {
            store.write(w -> {
                for (Item item : group) {
                    item.work().run(w);
                }
            });
            transactions.incrementAndGet();
        } catch (StoreUnavailableException e) {
            // the server cannot be reached: each request alone would fail the same way, one after the other (a
            // group of 32 then took 32 connect timeouts), and when the COMMIT's outcome is unknown, writing the
            // requests again could store them twice; every request of the group gets the error
            group.forEach(item -> item.done().completeExceptionally(e));
            return;
        } catch (RuntimeException | Error e) {
            LOG.debug("a group of {} requests failed ({}); writing each alone", group.size(), e.toString());
            group.forEach(this::writeAlone);
            return;
        }
        group.forEach(item -> item.done().complete(null));
    }

    private void writeAlone(Item item) {
        try {
            store.write(item.work());
            transactions.incrementAndGet();
            item.done().complete(null);
        } catch (RuntimeException | Error e) {
            item.done().completeExceptionally(e);
        }
    }

    /**
     * Writes what is queued, then stops the writer. Call once no request is in flight (the router drained): a
     * request arriving later is refused.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("the tracking server's writer is still writing after 30 s");
        }
    }
}
