package dev.cairn.store.model;

/**
 * A run's attributes (params, tags and metrics are read separately, in bulk).
 *
 * @param id         32 lower-case hex characters
 * @param parentId   id of the parent run, or null
 * @param changeSeq  the store change counter value of the last change to this run
 */
public record Run(String id, long experimentId, String experimentName, String name, RunStatus status,
                  Long startMs, Long endMs, String user, String parentId, Lifecycle lifecycle, Long deletedMs,
                  String sourceProgram, String sourceCommit, String note, String artifactUri, long changeSeq) {

    /** Duration in ms for finished runs, or up to {@code nowMs} for running ones; null when unknown. */
    public Long durationMs(long nowMs) {
        if (startMs == null) {
            return null;
        }
        if (endMs != null) {
            return endMs - startMs;
        }
        return status == RunStatus.RUNNING ? nowMs - startMs : null;
    }
}
