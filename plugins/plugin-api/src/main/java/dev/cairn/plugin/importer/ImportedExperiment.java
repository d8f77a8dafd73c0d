package dev.cairn.plugin.importer;

import dev.cairn.store.model.Lifecycle;

import java.util.Map;

/** An experiment as read from a source. */
public record ImportedExperiment(String name, String description, Lifecycle lifecycle, Long createdMs,
                                 Map<String, String> tags) {
    public ImportedExperiment {
        tags = Map.copyOf(tags);
    }
}
