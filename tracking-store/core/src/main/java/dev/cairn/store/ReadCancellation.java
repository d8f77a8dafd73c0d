package dev.cairn.store;

import dev.cairn.store.model.QueryCancelledException;

import java.util.concurrent.Callable;

/**
 * Lets another thread stop the store reads that one piece of work makes: a search, count or page that a newer
 * request has made useless need not run to its end and compete with the newer one for the CPU and the store's
 * connections. The reads that can be stopped are the ones whose answer is all they do: run searches and counts
 * ({@link dev.cairn.store.query.RunSearch}) and bulk run details ({@link Runs#details}). Once {@link #cancel()} has
 * been called, such a read made through {@link #call} ends with a {@link QueryCancelledException}: a running SQLite
 * statement stops within a few thousand virtual-machine steps, a running PostgreSQL statement is sent the server's
 * cancel request, and a read that has not started yet is refused. The connection goes back to the pool usable.
 *
 * <p><b>Writes are never stopped:</b> a unit of work ({@link TrackingStore#write}), every write operation (with the
 * reads it makes to do its job) and the reads made inside a unit of work run to their end whatever the cancellation
 * says. A cancel after a read finished changes nothing it returned.
 *
 * <pre>{@code
 * ReadCancellation reads = new ReadCancellation();
 * executor.submit(() -> reads.call(() -> store.search().count(query)));
 * // later, from any thread:
 * reads.cancel();   // the count ends with QueryCancelledException
 * }</pre>
 *
 * Thread-safe. One cancellation may cover work on several threads, each inside its own {@link #call}.
 */
public final class ReadCancellation {
    private static final ThreadLocal<ReadCancellation> CURRENT = new ThreadLocal<>();

    private final Object lock = new Object();
    private volatile boolean cancelled;
    /** How to stop the reads running now under this cancellation, one per thread inside a read. */
    private final java.util.List<Runnable> stops = new java.util.ArrayList<>();

    /**
     * Runs {@code work} on the current thread with this cancellation in force for the store reads it makes (the
     * cancellation in force before is restored afterwards).
     */
    public <T> T call(Callable<T> work) throws Exception {
        ReadCancellation outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Stops the reads running under this cancellation and refuses the ones started later. Returns at once (it never
     * waits for the database); may be called from any thread, any number of times.
     */
    public void cancel() {
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            for (Runnable stop : stops) {
                stop.run();
            }
        }
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws the {@link QueryCancelledException} for a read of {@code what} when this cancellation was cancelled. */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new QueryCancelledException("The read of " + what + " was cancelled.");
        }
    }

    /** How many store reads are running under this cancellation now (for tests and diagnostics). */
    public int readsRunning() {
        synchronized (lock) {
            return stops.size();
        }
    }

    /** The cancellation in force on the current thread (see {@link #call}), or null. For store backends. */
    public static ReadCancellation current() {
        return CURRENT.get();
    }

    /**
     * For store backends: registers how to stop the read now running on the current thread; {@link #cancel()}
     * calls {@code stop} (at once when already cancelled) until the returned registration is closed. {@code stop}
     * must not block. Closing waits for a {@code stop} being called, so after it the read's connection is no
     * longer touched by this cancellation.
     */
    public Registration whileReading(Runnable stop) {
        synchronized (lock) {
            if (cancelled) {
                stop.run();
            }
            stops.add(stop);
        }
        return () -> {
            synchronized (lock) {
                stops.remove(stop);
            }
        };
    }

    /** A registered stop action of a running read; closing it unregisters the action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        /** Unregisters the stop action; never fails. */
        @Override
        void close();
    }
}
