package dev.cairn.viewer.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one threading seam of the viewer. View-models hand store work to a runner; the runner runs it off the UI
 * thread and delivers the result (or the failure) back on the UI thread. {@link FxTaskRunner} is the real one;
 * {@link DirectTaskRunner} runs everything at once on the caller's thread, for view-model tests.
 */
public interface TaskRunner {

    /**
     * Runs {@code job} in the background. A non-null {@code label} is shown in the status bar while the job runs
     * (after ~200 ms); a null label marks quiet housekeeping work such as polling.
     */
    <T> Cancellable submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure);

    /** Convenience for work that reports no progress. */
    default <T> Cancellable submit(String label, Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
        return submit(label, progress -> work.call(), onSuccess, onFailure);
    }

    /** What is running now, for the status bar. */
    BackgroundWork work();

    /** Stops the worker threads; pending results are dropped. */
    void shutdown();
}
