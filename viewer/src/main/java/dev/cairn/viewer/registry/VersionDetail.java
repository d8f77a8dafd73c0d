package dev.cairn.viewer.registry;

import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Run;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelVersion;

import java.util.List;

/**
 * What the version detail shows: the version, its history (newest first), and its lineage.
 *
 * @param run       the source run, or null
 * @param parentRun the source run's parent, or null
 */
public record VersionDetail(ModelVersion version, List<ModelEvent> history, Run run, List<DatasetInput> inputs,
                            Run parentRun) {
}
