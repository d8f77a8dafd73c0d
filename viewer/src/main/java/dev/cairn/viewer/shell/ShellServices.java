package dev.cairn.viewer.shell;

import dev.cairn.viewer.drift.DriftReportSource;
import dev.cairn.viewer.monitoring.RuleAdding;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the app plugs into the window: welcome actions (demo data), importers, the plugin list for Help → Plugins
 * and the version for Help → About.
 *
 * @param welcome welcome-view actions
 * @param imports the importers behind drag-and-drop and File → Import…
 * @param plugins every plugin with its status (called on a background thread)
 * @param version the application's version
 * @param bundles writes runs to a .cairn.zip bundle for File → Export (null: CSV and JSON only)
 * @param drift   computes drift reports with the drift-test plugins (null: no drift view)
 * @param rules   adds and evaluates alert rules from the monitoring view (null: the view lists rules, adds none)
 */
public record ShellServices(WelcomeActions welcome, ImportActions imports, Supplier<List<PluginInfo>> plugins,
                            String version, BundleWriter bundles, DriftReportSource drift, RuleAdding rules) {

    /** Services without adding alert rules in the window. */
    public ShellServices(WelcomeActions welcome, ImportActions imports, Supplier<List<PluginInfo>> plugins,
                         String version, BundleWriter bundles, DriftReportSource drift) {
        this(welcome, imports, plugins, version, bundles, drift, null);
    }

    /** Services without the drift view. */
    public ShellServices(WelcomeActions welcome, ImportActions imports, Supplier<List<PluginInfo>> plugins,
                         String version, BundleWriter bundles) {
        this(welcome, imports, plugins, version, bundles, null, null);
    }

    /** Services without bundle export. */
    public ShellServices(WelcomeActions welcome, ImportActions imports, Supplier<List<PluginInfo>> plugins,
                         String version) {
        this(welcome, imports, plugins, version, null, null, null);
    }

    public ShellServices {
        welcome = welcome == null ? WelcomeActions.NONE : welcome;
        imports = imports == null ? ImportActions.NONE : imports;
        plugins = plugins == null ? List::of : plugins;
        version = version == null ? "development build" : version;
    }

    /** Only welcome actions (no importers, no plugins). */
    public static ShellServices of(WelcomeActions welcome) {
        return new ShellServices(welcome, null, null, null);
    }
}
