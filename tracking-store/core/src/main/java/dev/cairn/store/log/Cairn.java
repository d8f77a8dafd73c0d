package dev.cairn.store.log;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Java logging API: a small, fluent, thread-safe way for training code to log runs.
 *
 * <pre>{@code
 * try (Cairn cairn = Cairn.open(Path.of("cairn.db"));
 *      ActiveRun run = cairn.experiment("churn").startRun("lr-0.1")) {
 *     run.param("lr", 0.1);
 *     for (int step = 0; step < 100; step++) {
 *         run.metric("loss", train(), step);
 *     }
 * }   // FINISHED; use experiment.run(name, body) to get FAILED on an exception
 * }</pre>
 *
 * Metric points are buffered and written in batches by a background thread every {@link #flushInterval()}
 * (half a second by default), so a crash loses at most the last second. Params, tags and status changes are
 * written at once. Runs still open when the JVM exits are flushed and marked FAILED.
 */
public final class Cairn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cairn.class);
    private static final Duration DEFAULT_FLUSH = Duration.ofMillis(500);
    /** Buffered points across all runs above which a flush starts at once. */
    static final int EAGER_FLUSH_POINTS = 500_000;

    private final TrackingStore store;
    private final boolean ownsStore;
    private final Duration flushInterval;
    private final Set<ActiveRun> openRuns = ConcurrentHashMap.newKeySet();
    private final Set<ActiveRun> closing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher;
    private final Thread shutdownHook;
    private final Object flushLock = new Object();
    private volatile boolean closed;

    private Cairn(TrackingStore store, boolean ownsStore, Duration flushInterval) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.flushInterval = flushInterval;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-flusher");
            t.setDaemon(true);
            return t;
        });
        long ms = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        this.shutdownHook = new Thread(this::onJvmExit, "cairn-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Opens (creating when missing) the store at {@code path} for logging. */
    public static Cairn open(Path path) {
        return new Cairn(TrackingStore.open(path), true, DEFAULT_FLUSH);
    }

    /** Opens the store with options (e.g. {@link StoreOptions#shared()} for a network drive). */
    public static Cairn open(Path path, StoreOptions options) {
        return new Cairn(TrackingStore.open(path, options), true, DEFAULT_FLUSH);
    }

    /**
     * Opens the store named by {@code store}: a SQLite file path or a {@code postgresql://user@host:5432/db} URI
     * (password from {@code PGPASSWORD} or {@code ~/.pgpass}).
     */
    public static Cairn open(String store) {
        return new Cairn(TrackingStore.open(StoreLocation.parse(store), StoreOptions.local()), true, DEFAULT_FLUSH);
    }

    /** Logs into an already open store (which stays open when this logger closes). */
    public static Cairn on(TrackingStore store) {
        return new Cairn(store, false, DEFAULT_FLUSH);
    }

    /** The experiment {@code name}, created on first run. */
    public ExperimentLogger experiment(String name) {
        checkOpen();
        return new ExperimentLogger(this, name);
    }

    /** How often buffered points are written. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** The store being logged to. */
    public TrackingStore store() {
        return store;
    }

    /** Writes every buffered point now (one transaction). */
    public void flush() {
        synchronized (flushLock) {
            List<ActiveRun.Pending> pending = new ArrayList<>();
            for (ActiveRun run : openRuns) {
                ActiveRun.Pending p = run.drain();
                if (p != null) {
                    pending.add(p);
                }
            }
            for (ActiveRun run : closingRuns()) {
                ActiveRun.Pending p = run.drain();
                if (p != null) {
                    pending.add(p);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            try {
                store.write(w -> {
                    for (ActiveRun.Pending p : pending) {
                        p.write(w);
                    }
                });
            } catch (RuntimeException e) {
                for (ActiveRun.Pending p : pending) {
                    p.restore();
                }
                throw e;
            }
        }
    }

    private Set<ActiveRun> closingRuns() {
        return closing;
    }

    void opened(ActiveRun run) {
        openRuns.add(run);
    }

    /** Flushes a run's points and sets its final status. */
    void finish(ActiveRun run, RunStatus status) {
        openRuns.remove(run);
        closing.add(run);
        try {
            flush();
        } finally {
            closing.remove(run);
        }
        store.runs().setStatus(run.id(), status, null);
    }

    void pointsBuffered(long total) {
        if (total >= EAGER_FLUSH_POINTS) {
            flusher.execute(this::flushQuietly);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write buffered metrics (will retry): {}", e.getMessage());
        }
    }

    private void onJvmExit() {
        for (ActiveRun run : List.copyOf(openRuns)) {
            try {
                run.tag("cairn.endReason", "the process exited before the run was closed");
                finish(run, RunStatus.FAILED);
            } catch (RuntimeException e) {
                LOG.warn("could not close run {} at exit: {}", run.id(), e.getMessage());
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Cairn logger is closed");
        }
    }

    /** Finishes open runs (FINISHED), writes everything buffered and closes the store if this logger opened it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (ActiveRun run : List.copyOf(openRuns)) {
            run.close();
        }
        closed = true;
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down");
        }
        if (ownsStore) {
            store.close();
        }
    }
}
