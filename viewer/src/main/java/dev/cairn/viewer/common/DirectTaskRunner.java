package dev.cairn.viewer.common;

import java.util.function.Consumer;

/** Runs every job immediately on the caller's thread; for view-model tests and headless tools. */
public final class DirectTaskRunner implements TaskRunner {
    private final BackgroundWork work = new BackgroundWork();

    @Override
    public <T> Cancellable submit(String label, BackgroundJob<T> job, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        if (label != null) {
            work.started(label);
        }
        T result;
        try {
            result = job.run(work::progressed);
        } catch (Exception | Error e) {
            if (label != null) {
                work.finished();
            }
            onFailure.accept(e);
            return Cancellable.NONE;
        }
        if (label != null) {
            work.finished();
        }
        onSuccess.accept(result);
        return Cancellable.NONE;
    }

    @Override
    public BackgroundWork work() {
        return work;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
