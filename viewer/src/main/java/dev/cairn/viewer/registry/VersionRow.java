package dev.cairn.viewer.registry;

import dev.cairn.store.registry.ModelVersion;

import java.util.Map;

/**
 * One row of the versions table: a version, its source run's name and the chosen key metrics (last values).
 */
public record VersionRow(ModelVersion version, String runName, Map<String, Double> metrics) {

    public int number() {
        return version.version();
    }
}
