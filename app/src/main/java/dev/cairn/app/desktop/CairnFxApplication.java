package dev.cairn.app.desktop;

import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.FxTicker;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.ShellViewModel;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: wires the app's settings file, welcome actions and JSON shape into the viewer. */
public final class CairnFxApplication extends Application {
    private static volatile Path initialStore;
    private static volatile StoreMode initialMode = StoreMode.LOCAL;

    private FxTaskRunner runner;

    /** Sets the store to open; called by {@link DesktopApp} before launching. */
    static void configure(Path store, StoreMode mode) {
        initialStore = store;
        initialMode = mode;
    }

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner(2);
        ShellViewModel vm = new ShellViewModel(runner, new FxTicker(), JsonSettingsStore.forCurrentUser(),
                new AppWelcomeActions());
        String forced = System.getProperty("cairn.theme");
        if (forced != null) {
            vm.themeProperty().set(Theme.parse(forced));
        }
        new MainWindow(stage, vm, new RunExporter(new CliRunJsonWriter()), new FolderOpener());
        stage.show();
        if (initialStore != null) {
            vm.openStore(initialStore, initialMode);
        }
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.shutdown();
        }
    }
}
