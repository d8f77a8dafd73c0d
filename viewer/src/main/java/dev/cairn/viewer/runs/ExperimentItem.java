package dev.cairn.viewer.runs;

import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;

/**
 * An entry of the experiments list: an experiment with its active run count, or the "All experiments" entry
 * ({@link #isAll()}).
 */
public record ExperimentItem(long id, String name, long runCount, boolean deleted) {
    /** Id of the "All experiments" entry. */
    public static final long ALL_ID = -1;

    public static ExperimentItem all(long runCount) {
        return new ExperimentItem(ALL_ID, "All experiments", runCount, false);
    }

    public static ExperimentItem of(Experiment e) {
        return new ExperimentItem(e.id(), e.name(), e.runCount(), e.lifecycle() == Lifecycle.DELETED);
    }

    public boolean isAll() {
        return id == ALL_ID;
    }
}
