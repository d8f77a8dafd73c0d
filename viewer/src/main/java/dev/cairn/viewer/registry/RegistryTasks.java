package dev.cairn.viewer.registry;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The registry browser's threading seam: store work runs off the UI thread, its result (or failure) comes back on
 * the UI thread. The shell adapts its task runner to it, e.g. {@code (w, ok, fail) -> runner.submit("Registry",
 * w, ok, fail)}; tests use {@link #direct()}.
 */
@FunctionalInterface
public interface RegistryTasks {

    /** Runs {@code work} in the background and hands the outcome to one of the callbacks on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs work on {@code background} and delivers results on {@code ui} (e.g. {@code Platform::runLater}). */
    static RegistryTasks on(Executor background, Executor ui) {
        return new RegistryTasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
                background.execute(() -> {
                    try {
                        T result = work.call();
                        ui.execute(() -> onSuccess.accept(result));
                    } catch (Exception | Error e) {
                        ui.execute(() -> onFailure.accept(e));
                    }
                });
            }
        };
    }

    /** Runs everything at once on the caller's thread (view-model tests). */
    static RegistryTasks direct() {
        Executor now = Runnable::run;
        return on(now, now);
    }
}
