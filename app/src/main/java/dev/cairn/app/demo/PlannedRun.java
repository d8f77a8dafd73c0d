package dev.cairn.app.demo;

import java.util.Map;

/**
 * A trained trial placed on the simulated timeline, ready to be written as a run.
 *
 * @param id        the run id (chosen up front so children can name their parent)
 * @param parentId  the parent run's id, or null
 * @param startMs   simulated start; the point at step s (s >= 1) is at {@code startMs + s * stepMs}, a step-0
 *                  point at {@code startMs + stepMs}
 * @param tags      tags besides the status reason
 * @param note      the run's note, or null
 */
record PlannedRun(String id, Trial trial, TrialResult result, String parentId, long startMs, String user,
                  Map<String, String> tags, String note) {

    /** Timestamp of the point at {@code step}. */
    long timestampOf(long step) {
        return startMs + Math.max(1, step) * trial.simulatedStepMs();
    }

    /** Simulated end: shortly after the last point. */
    long endMs() {
        long[] steps = result.steps();
        long lastStep = steps.length == 0 ? 0 : steps[steps.length - 1];
        return timestampOf(lastStep) + 400;
    }
}
