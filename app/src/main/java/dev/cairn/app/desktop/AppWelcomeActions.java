package dev.cairn.app.desktop;

import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.WelcomeActions;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * The app's welcome actions.
 *
 * <p>HOOK (demo branch): once {@code dev.cairn.app.demo.DemoData} is merged, make {@link #canLoadDemoData()}
 * return true and {@link #loadDemoData} call {@code DemoData.generate(store, progress)}. HOOK (import branches):
 * route {@link #importRuns} to the importer registry the same way.
 */
final class AppWelcomeActions implements WelcomeActions {
    @Override
    public boolean canLoadDemoData() {
        return false;
    }

    @Override
    public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
        throw new UnsupportedOperationException("Demo data is not available in this build yet.");
    }

    @Override
    public boolean canImportRuns() {
        return false;
    }

    @Override
    public String importRuns(TrackingStore store, Path source, DoubleConsumer progress) {
        throw new UnsupportedOperationException("No importers are installed in this build yet.");
    }
}
