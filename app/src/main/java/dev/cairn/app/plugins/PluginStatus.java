package dev.cairn.app.plugins;

/**
 * How one plugin fared, for Help → Plugins and {@code cairn plugins}.
 *
 * @param name    the plugin's display name (or its class or jar name when it could not even be created)
 * @param id      the importer id, or null when unknown
 * @param version the plugin's version, or null when unknown
 * @param source  "built-in" or the jar it came from
 * @param state   loaded, failed or incompatible
 * @param error   why it failed, or null
 */
public record PluginStatus(String name, String id, String version, String source, State state, String error) {

    /** Where a plugin stands. */
    public enum State {
        /** Loaded and usable. */
        LOADED,
        /** Could not be loaded, or threw while in use (then it is no longer used). */
        FAILED,
        /** Built against another major version of the plugin API. */
        INCOMPATIBLE
    }

    /** Source label of plugins found on the application's class path. */
    public static final String BUILT_IN = "built-in";

    PluginStatus failed(String why) {
        return new PluginStatus(name, id, version, source, State.FAILED, why);
    }
}
