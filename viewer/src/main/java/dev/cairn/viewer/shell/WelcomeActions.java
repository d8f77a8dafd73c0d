package dev.cairn.viewer.shell;

import dev.cairn.store.TrackingStore;

import java.util.function.DoubleConsumer;

/**
 * What the app offers on the welcome view beyond opening a store and importing (see {@link ImportActions}): demo
 * data, written on a background thread with progress 0..1.
 */
public interface WelcomeActions {

    /** False when this build has no demo data generator (the button is then disabled). */
    boolean canLoadDemoData();

    /** Writes the demo experiment into {@code store}. */
    void loadDemoData(TrackingStore store, DoubleConsumer progress) throws Exception;

    /** No demo data. */
    WelcomeActions NONE = new WelcomeActions() {
        @Override
        public boolean canLoadDemoData() {
            return false;
        }

        @Override
        public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
            throw new UnsupportedOperationException("Demo data is not available in this build.");
        }
    };
}
