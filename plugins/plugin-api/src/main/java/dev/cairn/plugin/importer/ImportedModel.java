package dev.cairn.plugin.importer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered model as read from another tracker's registry, with its versions (since API 1.2).
 *
 * @param aliases   alias to version number, as the model lists them (merged with each version's own aliases)
 * @param sourceRef where the model came from (file or database path), for messages
 */
public record ImportedModel(String name, String description, Long createdMs, Map<String, String> tags,
                            Map<String, Integer> aliases, List<ImportedModelVersion> versions, String sourceRef) {
    public ImportedModel {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
