package dev.cairn.plugin;

/**
 * The plugin API's version. A plugin built against major version N runs on any Cairn whose plugin API has the
 * same major version. Plugins are found with {@link java.util.ServiceLoader}: built-in ones on the class path,
 * external ones as jars in the user's plugin folder, each loaded in its own class loader.
 */
public final class PluginApi {
    /** Major version: bumped only for incompatible changes to the interfaces in this module. */
    public static final int MAJOR_VERSION = 1;

    /**
     * Minor version: bumped for compatible additions. 1.1 added {@code ImportSink.Outcome.FAILED},
     * {@code ImportedRun.provenance} and {@code ImportedRun.pointCount()}. 1.2 added the model registry import:
     * {@code ImportSink.model(ImportedModel)} with {@code ImportedModel} and {@code ImportedModelVersion}. 1.3 added
     * whole project folders: {@code RunImporter.claim(Path)} with {@code ImportClaim}, and
     * {@code ImportContext.projectRoot()}.
     */
    public static final int MINOR_VERSION = 3;

    /**
     * Optional attribute in an external plugin jar's manifest: the plugin API version the plugin was built
     * against, e.g. {@code Cairn-Plugin-Api: 1.1}. A jar whose major version differs is not loaded and is listed as
     * incompatible.
     */
    public static final String MANIFEST_ATTRIBUTE = "Cairn-Plugin-Api";

    private PluginApi() {
    }
}
