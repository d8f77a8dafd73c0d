package dev.cairn.viewer.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DriftReport;

/**
 * Computes the drift report of a model version. The viewer cannot see the drift-test plugins, so the app passes
 * its computation in (for example {@code DriftReports.builtIn()::report}). Called off the UI thread.
 */
@FunctionalInterface
public interface DriftReportSource {
    /** The report of {@code model} version {@code version}. */
    DriftReport report(TrackingStore store, String model, int version);
}
