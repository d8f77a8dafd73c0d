package dev.cairn.plugin;

/**
 * The plugin API's version. A plugin built against major version N runs on any Cairn whose plugin API has the
 * same major version. Plugins are found with {@link java.util.ServiceLoader}: built-in ones on the class path,
 * external ones as jars in the user's plugin folder, each loaded in its own class loader.
 */
public final class PluginApi {
    /** Major version: bumped only for incompatible changes to the interfaces in this module. */
    public static final int MAJOR_VERSION = 1;

    private PluginApi() {
    }
}
