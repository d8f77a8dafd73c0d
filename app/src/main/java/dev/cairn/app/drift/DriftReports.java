package dev.cairn.app.drift;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.app.plugins.PluginRegistry;
import dev.cairn.plugin.drift.DriftReporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DriftReport;

/** The app's drift report computation with the drift tests the plugin loader found (built-in and external). */
public final class DriftReports {
    private final DriftReporter reporter;

    private DriftReports(DriftReporter reporter) {
        this.reporter = reporter;
    }

    /** Reports with the drift tests of the user's installation (loads the plugins). */
    public static DriftReports builtIn() {
        return of(PluginLoader.loadDefault());
    }

    /** Reports with the drift tests of plugins already loaded. */
    public static DriftReports of(PluginRegistry plugins) {
        return new DriftReports(new DriftReporter(plugins.driftTests()));
    }

    /** The report of a model version (see {@link DriftReporter#report}). */
    public DriftReport report(TrackingStore store, String model, int version) {
        return reporter.report(store, model, version);
    }
}
