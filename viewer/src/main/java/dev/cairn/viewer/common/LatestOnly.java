package dev.cairn.viewer.common;

import java.util.function.Consumer;

/**
 * Submits jobs of one kind (e.g. "load the runs table") so that only the latest request's result is delivered:
 * each submit cancels the previous one, and a stale result that slips through is ignored.
 */
public final class LatestOnly {
    private final TaskRunner runner;
    private Cancellable current = Cancellable.NONE;
    private long generation;

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    public <T> void submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        current.cancel();
        long mine = ++generation;
        current = runner.submit(label, job, result -> {
            if (mine == generation) {
                onSuccess.accept(result);
            }
        }, error -> {
            if (mine == generation) {
                onFailure.accept(error);
            }
        });
    }

    /** Forgets the pending request; its result will be dropped. */
    public void cancel() {
        generation++;
        current.cancel();
        current = Cancellable.NONE;
    }
}
