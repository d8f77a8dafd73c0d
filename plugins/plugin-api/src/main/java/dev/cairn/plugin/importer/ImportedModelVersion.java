package dev.cairn.plugin.importer;

import java.util.List;
import java.util.Map;

/**
 * One version of a registered model as read from another tracker's registry (since API 1.2).
 *
 * @param version     the source's version number, kept as is (gaps allowed)
 * @param runId       the source run's id (32 hex, as imported), or null
 * @param source      where the model's files are, as the source wrote it (e.g. {@code runs:/<id>/model})
 * @param status      READY, PENDING or FAILED; null means READY
 * @param stage       None, Staging, Production or Archived (MLflow's names); null means None
 * @param aliases     aliases pointing at this version
 * @param createdMs   creation time, or null
 * @param updatedMs   time of the last change (taken as the time the stage was set), or null
 * @param user        who registered it, or null
 */
public record ImportedModelVersion(int version, String runId, String source, String status, String stage,
                                   List<String> aliases, String description, Map<String, String> tags,
                                   Long createdMs, Long updatedMs, String user) {
    public ImportedModelVersion {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (version < 1) {
            throw new IllegalArgumentException("model version numbers start at 1, not " + version);
        }
    }
}
