package dev.cairn.viewer.shell;

/**
 * One plugin as Help → Plugins lists it.
 *
 * @param name    display name
 * @param id      importer id, or null when unknown
 * @param version plugin version, or null when unknown
 * @param source  "built-in" or the jar it came from
 * @param status  loaded, failed or incompatible
 * @param error   why it failed, or null
 */
public record PluginInfo(String name, String id, String version, String source, String status, String error) {
}
