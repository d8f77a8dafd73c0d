package dev.cairn.store.registry;

import java.util.Map;
import java.util.Objects;

/**
 * What is needed to register a model version. Build with {@link #of(String)}; the model is created when
 * missing.
 */
public record NewModelVersion(String model, String runId, String source, VersionStatus status, String description,
                              Map<String, String> tags) {

    public NewModelVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A READY version of {@code model} without a run or source yet. */
    public static NewModelVersion of(String model) {
        return new NewModelVersion(model, null, null, VersionStatus.READY, null, Map.of());
    }

    /** From run {@code runId}; the source defaults to {@code runs:/<runId>/model}. */
    public NewModelVersion fromRun(String newRunId) {
        return new NewModelVersion(model, newRunId, source, status, description, tags);
    }

    public NewModelVersion withSource(String newSource) {
        return new NewModelVersion(model, runId, newSource, status, description, tags);
    }

    public NewModelVersion withStatus(VersionStatus newStatus) {
        return new NewModelVersion(model, runId, source, newStatus, description, tags);
    }

    public NewModelVersion withDescription(String newDescription) {
        return new NewModelVersion(model, runId, source, status, newDescription, tags);
    }

    public NewModelVersion withTags(Map<String, String> newTags) {
        return new NewModelVersion(model, runId, source, status, description, newTags);
    }
}
