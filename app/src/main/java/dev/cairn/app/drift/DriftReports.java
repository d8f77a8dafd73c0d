package dev.cairn.app.drift;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.plugin.drift.DriftReporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DriftReport;

/** The app's drift report computation: the built-in drift tests found by the plugin loader. */
public final class DriftReports {
    private final DriftReporter reporter;

    private DriftReports(DriftReporter reporter) {
        this.reporter = reporter;
    }

    /** Reports with the built-in tests on the application's class path. */
    public static DriftReports builtIn() {
        return new DriftReports(new DriftReporter(PluginLoader.loadDefault().driftTests()));
    }

    /** The report of a model version (see {@link DriftReporter#report}). */
    public DriftReport report(TrackingStore store, String model, int version) {
        return reporter.report(store, model, version);
    }
}
