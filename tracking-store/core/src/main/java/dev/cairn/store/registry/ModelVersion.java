package dev.cairn.store.registry;

import java.util.List;
import java.util.Map;

/**
 * One version of a registered model.
 *
 * @param runId   the source run's id, or null when registered without a run
 * @param source  the source artifact path (for example {@code runs:/<id>/model})
 * @param aliases aliases pointing at this version, sorted
 */
public record ModelVersion(String model, int version, String runId, String source, VersionStatus status,
                           String description, Map<String, String> tags, long createdMs, long updatedMs,
                           String user, Stage stage, List<String> aliases) {
}
