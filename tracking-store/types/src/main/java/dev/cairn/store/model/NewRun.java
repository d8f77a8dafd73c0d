package dev.cairn.store.model;

import java.util.Objects;

/**
 * What is needed to create a run. Build with {@link #in(String)}; every field but the experiment is optional.
 * {@code id} is null for a fresh random id (importers pass the source's id or a stable derived one).
 */
public record NewRun(String experiment, String id, String name, RunStatus status, Long startMs, Long endMs,
                     String user, String parentId, String sourceProgram, String sourceCommit, String artifactUri,
                     Provenance provenance) {

    public NewRun {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(status, "status");
    }

    /** A RUNNING run in {@code experiment}, started now by the current OS user. */
    public static NewRun in(String experiment) {
        return new NewRun(experiment, null, null, RunStatus.RUNNING, System.currentTimeMillis(), null,
                System.getProperty("user.name"), null, null, null, null, null);
    }

    public NewRun withId(String newId) {
        return new NewRun(experiment, newId, name, status, startMs, endMs, user, parentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withName(String newName) {
        return new NewRun(experiment, id, newName, status, startMs, endMs, user, parentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withStatus(RunStatus newStatus) {
        return new NewRun(experiment, id, name, newStatus, startMs, endMs, user, parentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withTimes(Long newStartMs, Long newEndMs) {
        return new NewRun(experiment, id, name, status, newStartMs, newEndMs, user, parentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withUser(String newUser) {
        return new NewRun(experiment, id, name, status, startMs, endMs, newUser, parentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withParent(String newParentId) {
        return new NewRun(experiment, id, name, status, startMs, endMs, user, newParentId, sourceProgram,
                sourceCommit, artifactUri, provenance);
    }

    public NewRun withSource(String program, String commit) {
        return new NewRun(experiment, id, name, status, startMs, endMs, user, parentId, program, commit,
                artifactUri, provenance);
    }

    public NewRun withArtifactUri(String uri) {
        return new NewRun(experiment, id, name, status, startMs, endMs, user, parentId, sourceProgram,
                sourceCommit, uri, provenance);
    }

    public NewRun withProvenance(Provenance newProvenance) {
        return new NewRun(experiment, id, name, status, startMs, endMs, user, parentId, sourceProgram,
                sourceCommit, artifactUri, newProvenance);
    }
}
