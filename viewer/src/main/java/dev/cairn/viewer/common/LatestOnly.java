package dev.cairn.viewer.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /**
     * Like {@link #submit} for a request made of independent parts (e.g. one store read per chart line): each part
     * is its own job, so the runner's threads run them side by side; the results are delivered together, in the
     * order of {@code parts}, once all have arrived. The first failure is delivered instead and the other parts are
     * cancelled. A later submit cancels every part.
     */
    public <T> void submitAll(String label, List<BackgroundJob<T>> parts, Consumer<? super List<T>> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        current.cancel();
        long mine = ++generation;
        if (parts.isEmpty()) {
            current = Cancellable.NONE;
            onSuccess.accept(List.of());
            return;
        }
        List<T> results = new ArrayList<>(Collections.nCopies(parts.size(), null));
        List<Cancellable> submitted = new ArrayList<>(parts.size());
        Cancellable all = () -> submitted.forEach(Cancellable::cancel);
        current = all;
        int[] pending = {parts.size()};
        for (int i = 0; i < parts.size(); i++) {
            int index = i;
            submitted.add(runner.submit(label, parts.get(i), result -> {
                if (mine == generation) {
                    results.set(index, result);
                    if (--pending[0] == 0) {
                        current = Cancellable.NONE;
                        onSuccess.accept(results);
                    }
                }
            }, error -> {
                if (mine == generation) {
                    generation++;
                    all.cancel();
                    current = Cancellable.NONE;
                    onFailure.accept(error);
                }
            }));
        }
    }

    /** Forgets the pending request; its result will be dropped. */
    public void cancel() {
        generation++;
        current.cancel();
        current = Cancellable.NONE;
    }
}
