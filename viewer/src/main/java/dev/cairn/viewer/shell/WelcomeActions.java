package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * What the app offers on the welcome view beyond opening a store. Both run on a background thread and report
 * progress 0..1.
 */
public interface WelcomeActions {

    /** False when this build has no demo data generator (the button is then disabled). */
    boolean canLoadDemoData();

    /** Writes the demo experiment into {@code store}. */
    void loadDemoData(TrackingStore store, DoubleConsumer progress) throws Exception;

    /** False when no importer is installed. */
    boolean canImportRuns();

    /** Imports runs from {@code source} (a folder or file) into {@code store}; returns a one-line summary. */
    String importRuns(TrackingStore store, Path source, DoubleConsumer progress) throws Exception;

    /** No demo data and no importers. */
    WelcomeActions NONE = new WelcomeActions() {
        @Override
        public boolean canLoadDemoData() {
            return false;
        }

        @Override
        public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
            throw new UnsupportedOperationException("Demo data is not available in this build.");
        }

        @Override
        public boolean canImportRuns() {
            return false;
        }

        @Override
        public String importRuns(TrackingStore store, Path source, DoubleConsumer progress) {
            throw new UnsupportedOperationException("No importers are installed.");
        }
    };
}
