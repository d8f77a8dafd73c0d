package dev.cairn.app.desktop;

import dev.cairn.app.Version;
import dev.cairn.app.drift.DriftReports;
import dev.cairn.app.monitoring.RuleEvaluator;
import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.app.plugins.PluginRegistry;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.FxTaskRunner;
import dev.cairn.viewer.common.FxTicker;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.monitoring.RuleAdding;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.shell.MainWindow;
import dev.cairn.viewer.shell.ShellServices;
import dev.cairn.viewer.shell.ShellViewModel;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The JavaFX application: wires the app's settings file, welcome actions and JSON shape into the viewer. */
public final class CairnFxApplication extends Application {
    private static volatile StoreLocation initialStore;
    private static volatile StoreMode initialMode = StoreMode.LOCAL;

    private FxTaskRunner runner;

    /** Sets the store to open; called by {@link DesktopApp} before launching. */
    static void configure(StoreLocation store, StoreMode mode) {
        initialStore = store;
        initialMode = mode;
    }

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner(2);
        ShellViewModel vm = ShellViewModel.withServices(runner, new FxTicker(), JsonSettingsStore.forCurrentUser(),
                services());
        String forced = System.getProperty("cairn.theme");
        if (forced != null) {
            vm.forceTheme(Theme.parse(forced));
        }
        new MainWindow(stage, vm, new RunExporter(new CliRunJsonWriter()), new FolderOpener());
        stage.show();
        if (initialStore != null) {
            vm.openStore(initialStore, initialMode);
        }
    }

    /** Demo data, the plugin importers (loaded once, in the background, on first use), the plugin list, version. */
    static ShellServices services() {
        Supplier<PluginRegistry> plugins = new LoadOnce<>(PluginLoader::loadDefault);
        Supplier<DriftReports> drift = new LoadOnce<>(() -> DriftReports.of(plugins.get()));
        return new ShellServices(new AppWelcomeActions(), new AppImportActions(() -> plugins.get().importers()),
                () -> PluginInfos.of(plugins.get().statuses()), Version.get(),
                dev.cairn.app.importing.BundleExport::write,
                (store, model, version) -> drift.get().report(store, model, version),
                (store, rule) -> {
                    RuleEvaluator.Added added = new RuleEvaluator(store, drift).add(rule);
                    return new RuleAdding.Added(added.rule(), added.lines());
                });
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.shutdown();
        }
    }
}
