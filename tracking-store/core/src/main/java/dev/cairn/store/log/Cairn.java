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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * (half a second by default), so a crash loses at most the last second. Params and tags are written at once; a
 * run's final status is written with its last points. Runs still open when the JVM exits are flushed and marked
 * FAILED. A run whose process was killed (kill -9, power loss) is marked FAILED, with tag {@code cairn.endReason}
 * saying why, the next time any process opens the store for writing: its writer's pid is gone from this host, or
 * (from another host) its heartbeat is much older than its writer's heartbeat interval.
 */
public final class Cairn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cairn.class);
    private static final Duration DEFAULT_FLUSH = Duration.ofMillis(500);
    /** Buffered points across all runs above which a flush starts at once (one queued flush at a time). */
    static final int EAGER_FLUSH_POINTS = 500_000;
    /** Tags a logging run carries so that another process can tell when its writer is gone. */
    static final String TAG_PID = "cairn.writer.pid";
    static final String TAG_HOST = "cairn.writer.host";
    static final String TAG_STARTED = "cairn.writer.started";
    static final String TAG_HEARTBEAT = "cairn.heartbeat";
    static final String TAG_FLUSH_MS = "cairn.writer.flushMs";

    private final TrackingStore store;
    private final boolean ownsStore;
    private final Duration flushInterval;
    /** Runs whose points later flushes must visit: open, or finished but their last flush has not succeeded. */
    private final Set<ActiveRun> openRuns = ConcurrentHashMap.newKeySet();
    /** Runs ended by their code, with the status to set once their last points are written. */
    private final Map<ActiveRun, RunStatus> ending = new ConcurrentHashMap<>();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean eagerFlushQueued = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService flusher;
    private final Thread shutdownHook;
    private final Object flushLock = new Object();
    private final long heartbeatMs;
    private long lastHeartbeat;
    /** Transactions written by {@link #flush()}, for tests. */
    private final AtomicLong flushes = new AtomicLong();

    private Cairn(TrackingStore store, boolean ownsStore, Duration flushInterval) {
        this.store = store;
        this.ownsStore = ownsStore;
        this.flushInterval = flushInterval;
        this.heartbeatMs = heartbeatInterval(flushInterval);
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

    /** How often a logging process writes its runs' heartbeat: every 5 flush intervals, at least every second. */
    static long heartbeatInterval(Duration flushInterval) {
        return Math.max(1000, 5 * flushInterval.toMillis());
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

    /** Logs into an already open store, writing buffered points every {@code flushInterval}. */
    public static Cairn on(TrackingStore store, Duration flushInterval) {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("The flush interval must be positive, got " + flushInterval);
        }
        return new Cairn(store, false, flushInterval);
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

    /** Points buffered and not yet written, across all runs. */
    public long bufferedPoints() {
        return buffered.get();
    }

    /** How many flush transactions were written so far. */
    long flushCount() {
        return flushes.get();
    }

    /** True once {@link #close()} has started. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Writes every buffered point now (one transaction), with the heartbeat of open runs when due, then sets the
     * final status of runs whose code ended them. On failure every point is kept for the next flush.
     */
    public void flush() {
        synchronized (flushLock) {
            Map<ActiveRun, RunStatus> ended = new HashMap<>(ending);
            List<ActiveRun.Pending> pending = new ArrayList<>();
            for (ActiveRun run : openRuns) {
                ActiveRun.Pending p = run.drain();
                if (p != null) {
                    pending.add(p);
                }
            }
            long now = System.currentTimeMillis();
            boolean heartbeat = now - lastHeartbeat >= heartbeatMs;
            if (pending.isEmpty() && ended.isEmpty() && !heartbeat) {
                return;
            }
            long drained = pending.stream().mapToLong(ActiveRun.Pending::size).sum();
            try {
                store.write(w -> {
                    for (ActiveRun.Pending p : pending) {
                        p.write(w);
                    }
                    if (heartbeat) {
                        for (ActiveRun run : openRuns) {
                            if (!ended.containsKey(run)) {
                                w.setTags(w.run(run.id()), Map.of(TAG_HEARTBEAT, Long.toString(now)));
                            }
                        }
                    }
                    for (Map.Entry<ActiveRun, RunStatus> e : ended.entrySet()) {
                        store.runs().setStatus(e.getKey().id(), e.getValue(), null); // joins this unit of work
                    }
                });
            } catch (RuntimeException e) {
                for (ActiveRun.Pending p : pending) {
                    p.restore();
                }
                throw e;
            }
            buffered.addAndGet(-drained);
            flushes.incrementAndGet();
            if (heartbeat) {
                lastHeartbeat = now;
            }
            for (ActiveRun run : ended.keySet()) {
                ending.remove(run);
                openRuns.remove(run);
            }
        }
    }

    void opened(ActiveRun run) {
        openRuns.add(run);
    }

    /** The tags that let another process tell whether this writer is still alive. */
    Map<String, String> writerTags() {
        ProcessHandle self = ProcessHandle.current();
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put(TAG_PID, Long.toString(self.pid()));
        tags.put(TAG_HOST, dev.cairn.store.model.Provenance.here("cairn-java", null, null).host());
        self.info().startInstant().ifPresent(t -> tags.put(TAG_STARTED, Long.toString(t.toEpochMilli())));
        tags.put(TAG_HEARTBEAT, Long.toString(System.currentTimeMillis()));
        tags.put(TAG_FLUSH_MS, Long.toString(heartbeatMs));
        return tags;
    }

    /**
     * Ends a run: its last points and its status are written in one transaction. The run stays among those every
     * flush visits until that succeeds, so a failed last flush (the store locked past its busy timeout) loses
     * nothing: the background flusher, or {@link #close()}, writes points and status later.
     */
    void finish(ActiveRun run, RunStatus status) {
        ending.put(run, status);
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("run {}: its last points and status {} could not be written yet (will retry): {}", run.id(),
                    status, e.getMessage());
        }
    }

    /** Marks a run ended without flushing (the logger is closing and flushes once for all). */
    void ended(ActiveRun run, RunStatus status) {
        ending.put(run, status);
    }

    /** Counts a buffered point; past the bound across all runs, queues one flush (never one per call). */
    void pointBuffered() {
        long total = buffered.incrementAndGet();
        if (total >= EAGER_FLUSH_POINTS && !closed.get() && eagerFlushQueued.compareAndSet(false, true)) {
            try {
                flusher.execute(() -> {
                    try {
                        flushQuietly();
                    } finally {
                        eagerFlushQueued.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                eagerFlushQueued.set(false); // closing: close() writes what is buffered
            }
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
                if (!ending.containsKey(run)) {
                    run.tag("cairn.endReason", "the process exited before the run was closed");
                    ending.put(run, RunStatus.FAILED);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not close run {} at exit: {}", run.id(), e.getMessage());
            }
        }
        flushQuietly();
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this Cairn logger is closed");
        }
    }

    /**
     * Finishes open runs (FINISHED), writes everything buffered and closes the store if this logger opened it. Only
     * the first call does this, even when several threads call at once; later calls return at once.
     *
     * @throws dev.cairn.store.model.StoreException when the buffered points cannot be written (they are named in
     *                                              the message and logged); the store is closed all the same
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (ActiveRun run : List.copyOf(openRuns)) {
                run.endBy(this);
            }
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.warn("{} buffered points of {} runs could not be written: {}", buffered.get(), openRuns.size(),
                        e.getMessage());
                throw e;
            }
        } finally {
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
}
