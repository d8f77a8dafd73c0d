package dev.cairn.store;

import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs of a store: create, read, change attributes, params, tags, inputs, artifacts, provenance. Each call is one
 * transaction, or joins the caller's {@link TrackingStore#write unit of work} when made inside one.
 */
public interface Runs {

    /** A new random run id: 32 lower-case hex characters. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** True for a well-formed run id (32 lower-case hex characters). */
    static boolean isValidId(String id) {
        return id != null && Pattern.matches("[0-9a-f]{32}", id);
    }

    /** Creates a run (and its experiment when missing). */
    Run create(NewRun spec);

    /** The run with {@code id}, if stored. */
    Optional<Run> get(String id);

    /** The run, or a {@link NotFoundException} naming the id. */
    Run require(String id);

    /** Direct children of a run, oldest first. */
    List<Run> children(String id);

    /** Sets the status; a terminal status also sets the end time (now when {@code endMs} is null). */
    void setStatus(String id, RunStatus status, Long endMs);

    /** Renames a run (null: no name). */
    void rename(String id, String name);

    /** Sets the run's free-text note (null: none). */
    void setNote(String id, String note);

    /** Soft-deletes a run (kept, hidden by default, restorable). */
    void delete(String id);

    /** Restores a soft-deleted run. */
    void restore(String id);

    /** Sets the lifecycle; {@code deletedMs} is the deletion time for {@link Lifecycle#DELETED} (null: now). */
    void setLifecycle(String id, Lifecycle lifecycle, Long deletedMs);

    /** Sets start and end time (epoch ms; null = unknown). */
    void setTimes(String id, Long startMs, Long endMs);

    /** Makes {@code parentId} (null: none) the run's parent; refuses a link that would make a cycle. */
    void setParent(String id, String parentId);

    /** Sets one tag. */
    void setTag(String id, String key, String value);

    /** Sets many tags in one transaction. */
    void setTags(String id, Map<String, String> tags);

    /** Removes a tag (nothing when absent). */
    void removeTag(String id, String key);

    /** Logs one param; its text is {@code String.valueOf(value)}. */
    void logParam(String id, String key, Object value);

    /** Logs many params in one transaction; a param logged again takes the new value. */
    void logParams(String id, Map<String, String> params);

    /** The run's params, by key. */
    Map<String, String> params(String id);

    /** The run's tags, by key. */
    Map<String, String> tags(String id);

    /** Adds dataset inputs (an input with the same name and digest is replaced). */
    void addInputs(String id, List<DatasetInput> inputs);

    /** The run's dataset inputs. */
    List<DatasetInput> inputs(String id);

    /**
     * Dataset inputs of many runs (each run's by name), read in bulk (never one query per run). Runs without inputs
     * and unknown ids are left out of the result.
     */
    Map<String, List<DatasetInput>> inputs(Collection<String> ids);

    /** Replaces the run's artifact root and file list. */
    void setArtifacts(String id, String rootUri, List<Artifact> files);

    /** The run's artifact files. */
    List<Artifact> artifacts(String id);

    /** Who wrote the run, where and with what. */
    Optional<Provenance> provenance(String id);

    /**
     * Params, tags and metric summaries of many runs, read in a few bulk queries (never one query per run).
     * Unknown ids are left out of the result; the result keeps the order of {@code ids}.
     */
    Map<String, RunDetails> details(Collection<String> ids);
}
