package dev.cairn.viewer.registry;

import java.util.List;

/**
 * One entry of the models list.
 *
 * @param production "v3" (or "v2, v3"), empty when no version is in Production
 * @param aliases    "champion → v3" entries
 */
public record ModelItem(String name, int versionCount, String production, List<String> aliases) {
}
