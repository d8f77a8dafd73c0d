package dev.cairn.store.model;

import java.util.Map;

/**
 * An experiment: a named group of runs.
 *
 * @param runCount number of active runs (deleted runs not counted)
 */
public record Experiment(long id, String name, String description, long createdMs, Lifecycle lifecycle,
                         Long deletedMs, Map<String, String> tags, long runCount) {
    public Experiment {
        tags = Map.copyOf(tags);
    }
}
