package dev.cairn.app.demo;

import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.MetricSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final String FAILURE_REASON_TAG = "failure_reason";
    static final String KILL_REASON_TAG = "kill_reason";

    PlannedRun withStartMs(long newStartMs) {
        return new PlannedRun(id, trial, result, parentId, newStartMs, user, tags, note);
    }

    PlannedRun withNote(String newNote) {
        return new PlannedRun(id, trial, result, parentId, startMs, user, tags, newNote);
    }

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

    /** The run as written into {@code experiment}. */
    RunContent content(String experiment, Provenance provenance, CrescentsData data) {
        NewRun spec = NewRun.in(experiment).withId(id).withName(trial.name()).withStatus(result.status())
                .withTimes(startMs, endMs()).withUser(user).withParent(parentId)
                .withSource(SweepSection.class.getName(), null).withProvenance(provenance);
        Map<String, String> allTags = new LinkedHashMap<>(tags);
        if (result.status() == RunStatus.FAILED) {
            allTags.put(FAILURE_REASON_TAG, result.reason());
        } else if (result.status() == RunStatus.KILLED) {
            allTags.put(KILL_REASON_TAG, result.reason());
        }
        long[] steps = result.steps();
        long[] timestamps = new long[steps.length];
        for (int i = 0; i < steps.length; i++) {
            timestamps[i] = timestampOf(steps[i]);
        }
        List<MetricSeries> series = new ArrayList<>();
        result.series().forEach((key, values) -> series.add(new MetricSeries(key, steps, timestamps, values)));
        return new RunContent(spec, trial.params(), allTags, note, data.inputs(trial.features()), series);
    }
}
