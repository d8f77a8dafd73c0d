package dev.cairn.viewer.common;

import dev.cairn.store.ReadCancellation;
import dev.cairn.store.model.QueryCancelledException;
import dev.cairn.store.model.StoreException;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs jobs on a small pool of daemon threads and delivers results on the JavaFX application thread. Call
 * {@link #submit} from the FX thread. Every failure is logged at WARN (and handed to the caller's failure callback);
 * a labelled job ends its busy count exactly once, also when it is cancelled before it started.
 *
 * <p>Cancelling a job stops the store reads it is running ({@link ReadCancellation}: a superseded search or count
 * does not keep the CPU and a store connection busy) and refuses its later ones; its writes run to their end. The
 * {@link QueryCancelledException} a cancelled job then ends with is logged at DEBUG only: nobody waits for that job
 * any more. Any other failure, also of a cancelled job, is a WARN.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private static final long SHOW_AFTER_MS = 200;

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final BackgroundWork work = new BackgroundWork();

    public FxTaskRunner(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, daemon("cairn-store-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("cairn-timer-"));
    }

    @Override
    public <T> Cancellable submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ReadCancellation reads = new ReadCancellation();
        boolean shown = label != null;
        /* ends the busy count exactly once: when the job ends, or when it is cancelled before it started */
        AtomicBoolean ended = new AtomicBoolean();
        if (shown) {
            work.started(label);
            timer.schedule(() -> Platform.runLater(work::showIfRunning), SHOW_AFTER_MS, TimeUnit.MILLISECONDS);
        }
        Future<?> future = pool.submit(() -> {
            try {
                T result = reads.call(() -> job.run(fraction -> {
                    if (shown) {
                        Platform.runLater(() -> work.progressed(fraction));
                    }
                }));
                Platform.runLater(() -> {
                    end(shown, ended);
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | Error e) {
                String name = label == null ? "(quiet)" : label;
                String after = cancelled.get() ? " after it was cancelled" : "";
                if (cancelled.get() && stopped(e)) {
                    // its read was stopped because nobody wants its result: not a failure
                    LOG.debug("background job '{}' ended after it was cancelled: {}", name, e.getMessage());
                } else if (e instanceof StoreException) {
                    // the store's exceptions say what happened in one line; a stack trace only for the unexpected
                    LOG.warn("background job '{}' failed{}: {}", name, after, e.getMessage());
                } else {
                    LOG.warn("background job '{}' failed{}: {}", name, after, e.toString(), e);
                }
                Platform.runLater(() -> {
                    end(shown, ended);
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> {
            cancelled.set(true);
            reads.cancel();
            if (future.cancel(false)) {
                // it never started, so it will never end by itself
                Platform.runLater(() -> end(shown, ended));
            }
        };
    }

    /** True when {@code failure} (or a cause) is the store saying it stopped a read on request. */
    private static boolean stopped(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof QueryCancelledException) {
                return true;
            }
        }
        return false;
    }

    private void end(boolean shown, AtomicBoolean ended) {
        if (shown && ended.compareAndSet(false, true)) {
            work.finished();
        }
    }

    @Override
    public BackgroundWork work() {
        return work;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
