package dev.cairn.app.desktop;

import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.common.Ticker;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.ShellViewModel;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.List;

/**
 * The app's real main window for the desktop FX tests: the app's services, settings in memory that size the window,
 * a task runner of two threads, and a store file opened. Open it in the test's {@code @Start}, close it in its
 * {@code @AfterEach}.
 */
final class AppWindow {
    final ShellViewModel vm;
    final MainWindow window;
    final FxTaskRunner runner;

    private AppWindow(ShellViewModel vm, MainWindow window, FxTaskRunner runner) {
        this.vm = vm;
        this.window = window;
        this.runner = runner;
    }

    /** Shows the main window on {@code stage} at {@code width} x {@code height} and opens {@code store} (SQLite). */
    static AppWindow open(Stage stage, Path store, Ticker ticker, double width, double height) {
        FxTaskRunner runner = new FxTaskRunner(2);
        SettingsStore.InMemory settings = new SettingsStore.InMemory();
        settings.load().setWindowWidth(width);
        settings.load().setWindowHeight(height);
        ShellViewModel vm = ShellViewModel.withServices(runner, ticker, settings, CairnFxApplication.services());
        MainWindow window = new MainWindow(stage, vm, new RunExporter(null), p -> { });
        stage.show();
        vm.openStore(store, StoreMode.LOCAL);
        return new AppWindow(vm, window, runner);
    }

    /**
     * Closes every window the test opened, the main window last (a dialog left open would answer the next test's
     * lookups, and what the main window keeps, such as its tracking server, goes with it), shuts the view-model down
     * on the FX thread (closing the store), then the task runner.
     */
    void close(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage() && w instanceof Stage s) {
                    s.close();
                }
            }
            window.stage().hide();
            vm.shutdown();
        });
        runner.shutdown();
    }
}
