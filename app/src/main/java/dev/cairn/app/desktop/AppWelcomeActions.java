package dev.cairn.app.desktop;

import dev.cairn.app.demo.DemoData;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.WelcomeActions;

import java.util.function.DoubleConsumer;

/** The app's welcome action: demo data generated with Tribuo. */
final class AppWelcomeActions implements WelcomeActions {
    @Override
    public boolean canLoadDemoData() {
        return true;
    }

    @Override
    public void loadDemoData(TrackingStore store, DoubleConsumer progress) {
        DemoData.generate(store, progress);
    }
}
