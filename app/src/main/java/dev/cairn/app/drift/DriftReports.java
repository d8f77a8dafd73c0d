package dev.cairn.app.drift;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.app.plugins.PluginRegistry;
import dev.cairn.plugin.drift.DriftReporter;
import dev.cairn.store.DriftData;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.model.NotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * The report of a model version from what {@code store} holds (see {@link DriftReporter#report}); a
     * {@link NotFoundException} when the model, the version or its reference is missing.
     */
    public DriftReport report(TrackingStore store, String model, int version) {
        DriftData drift = store.drift();
        DatasetProfile reference = drift.reference(model, version).orElseThrow(() -> new NotFoundException(
                "Model '" + model + "' version " + version + " has no reference dataset (cairn drift reference)."));
        return reporter.report(model, version, reference, drift.batches(model, version), drift.settings(model),
                drift::sample);
    }

    /**
     * The drift share of the newest {@code count} batches of a model version at or before {@code upTo}: the figures
     * {@link #report} gives those batches, with only those batches read and tested (the other batches contribute
     * only their columns' roles). A {@link NotFoundException} as for {@link #report}.
     */
    public Map<Instant, Double> shares(TrackingStore store, String model, int version, Instant upTo, int count) {
        DriftData drift = store.drift();
        DatasetProfile reference = drift.reference(model, version).orElseThrow(() -> new NotFoundException(
                "Model '" + model + "' version " + version + " has no reference dataset (cairn drift reference)."));
        Map<Instant, Double> out = new HashMap<>();
        reporter.report(model, version, reference, drift.batches(model, version, upTo, count),
                drift.batchRoles(model, version), drift.settings(model), drift::sample)
                .batches().forEach(b -> out.put(b.time(), b.driftShare()));
        return out;
    }
}
