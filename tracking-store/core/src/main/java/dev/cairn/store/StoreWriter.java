package dev.cairn.store;

import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit of work: everything written through it is stored together or not at all (for example one imported
 * run, whole). Batched writes address runs by {@link RunRef}; the store's other operations
 * ({@code store.runs().setNote(..)}, {@code store.experiments()..}) called on the same thread inside the unit of
 * work join it.
 *
 * <pre>{@code
 * store.write(w -> {
 *     RunRef r = w.createRun(NewRun.in("churn").withName("lr-0.1"));
 *     w.logParams(r, Map.of("lr", "0.1"));
 *     w.append(r, "loss", steps, timestamps, values);
 * });
 * }</pre>
 */
public interface StoreWriter {

    /** Creates a run (and its experiment when missing). */
    RunRef createRun(NewRun spec);

    /** An existing run, or a {@link NotFoundException}. */
    RunRef run(String id);

    /** An existing run, if stored. */
    Optional<RunRef> findRun(String id);

    /** Logs params; a param logged again takes the new value. */
    void logParams(RunRef run, Map<String, String> params);

    /** Sets tags. */
    void setTags(RunRef run, Map<String, String> tags);

    /** Adds dataset inputs (one with the same name and digest is replaced). */
    void addInputs(RunRef run, List<DatasetInput> inputs);

    /** Replaces the run's artifact root and file list. */
    void setArtifacts(RunRef run, String rootUri, List<Artifact> files);

    /** Appends points of one metric; the arrays must have equal length. */
    default void append(RunRef run, String key, long[] steps, long[] timestamps, double[] values) {
        append(run, key, steps, timestamps, values, 0, steps.length);
    }

    /** Appends {@code len} points of one metric starting at index {@code off} of each array. */
    void append(RunRef run, String key, long[] steps, long[] timestamps, double[] values, int off, int len);

    /** Runs {@code action} once the unit of work has committed (not when it rolls back or is retried). */
    void afterCommit(Runnable action);
}
