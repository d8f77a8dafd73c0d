package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import java.util.List;

/**
 * The main window's menus (File, Edit, Run, View, Help) and the Run menu's items that the runs table's context
 * menu repeats. Every screen is reached through {@link ShellViewModel} (View → Runs, Model registry,
 * Hyperparameters, Data drift), never by swapping nodes here.
 */
final class MenuBuilder {
    private final Stage stage;
    private final ShellViewModel vm;
    private final MainWindow window;
    private final RunBrowser browser;
    private final RunExportController exports;

    MenuBuilder(Stage stage, ShellViewModel vm, MainWindow window, RunBrowser browser, RunExportController exports) {
        this.stage = stage;
        this.vm = vm;
        this.window = window;
        this.browser = browser;
        this.exports = exports;
    }

    MenuBar menuBar() {
        return new MenuBar(file(), edit(), new Menu("Run", null, runMenuItems()), view(), help());
    }

    private Menu file() {
        MenuItem newStore = item("New store…", "shortcut+N", e -> window.newStore());
        MenuItem open = item("Open store…", "shortcut+O", e -> window.openStore());
        MenuItem openTeam = item("Open team store…", "shortcut+shift+O", e -> window.openTeamStore());
        openTeam.setId("openTeamStore");
        MenuItem openShared = item("Open shared store (network drive)…", null,
                e -> window.chooseAndOpen(StoreMode.SHARED));
        MenuItem openReadOnly = item("Open read-only…", null, e -> window.chooseAndOpen(StoreMode.READ_ONLY));
        Menu recent = new Menu("Open recent");
        recent.setId("recentMenu");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (String p : vm.recentStores()) {
                recent.getItems().add(item(p, null, e -> vm.openStore(StoreLocation.parse(p), StoreMode.LOCAL)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recentStores().addListener((ListChangeListener<String>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem importRuns = item("Import folder…", "shortcut+I", e -> window.importRuns());
        importRuns.setId("importFolder");
        MenuItem importFile = item("Import files or zip…", "shortcut+shift+I", e -> window.importFiles());
        importFile.setId("importFiles");
        for (MenuItem m : List.of(importRuns, importFile)) {
            m.setDisable(!vm.importSheet().available());
        }
        MenuItem demo = item("Load demo data", null, e -> vm.loadDemoData());
        demo.setDisable(!vm.welcomeActions().canLoadDemoData());
        MenuItem close = item("Close store", "shortcut+W", e -> vm.closeStore());
        MenuItem exit = item("Exit", "shortcut+Q", e -> stage.close());
        return new Menu("File", null, newStore, open, openTeam, openShared, openReadOnly, recent,
                new SeparatorMenuItem(), importRuns, importFile, demo, new SeparatorMenuItem(), close, exit);
    }

    private Menu edit() {
        MenuItem filter = item("Filter runs", "shortcut+F", e -> {
            if (vm.screenProperty().get() == Screen.BROWSER) {
                browser.focusFilter();
            }
        });
        MenuItem selectAll = item("Select all runs", null, e -> browser.selectAll());
        return new Menu("Edit", null, filter, selectAll);
    }

    private Menu view() {
        MenuItem showRuns = item("Runs", "shortcut+1", e -> vm.showRuns(List.of()));
        showRuns.setId("viewRuns");
        MenuItem showRegistry = item("Model registry", "shortcut+M", e -> vm.showRegistry());
        showRegistry.setId("viewRegistry");
        showRuns.disableProperty().bind(vm.registryProperty().isNull());
        showRegistry.disableProperty().bind(vm.registryProperty().isNull());
        MenuItem hparams = item("Hyperparameters", "shortcut+shift+H", e -> vm.toggleHyperparameters());
        hparams.setId("viewHparams");
        hparams.disableProperty().bind(vm.registryProperty().isNull());
        MenuItem drift = item("Data drift", "shortcut+shift+D", e -> vm.toggleDrift());
        drift.setId("viewDrift");
        if (vm.driftAvailable()) {
            drift.disableProperty().bind(vm.registryProperty().isNull());
        } else {
            drift.setDisable(true);
        }
        MenuItem monitoring = item("Monitoring", "shortcut+shift+M", e -> vm.toggleMonitoring());
        monitoring.setId("viewMonitoring");
        monitoring.disableProperty().bind(vm.registryProperty().isNull());
        MenuItem server = item("Tracking server…", null, e -> dev.cairn.viewer.server.TrackingServerDialog.open(stage,
                vm.runner(), vm::store));
        server.setId("viewTrackingServer");
        server.disableProperty().bind(vm.registryProperty().isNull());
        MenuItem columns = item("Columns…", null, e -> browser.chooseColumns());
        MenuItem refresh = item("Refresh", "F5", e -> {
            vm.experiments().reload();
            vm.runs().reload();
        });
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkTheme");
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        dark.setOnAction(e -> vm.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        return new Menu("View", null, showRuns, showRegistry, hparams, drift, monitoring, new SeparatorMenuItem(),
                columns, refresh, new SeparatorMenuItem(), server, new SeparatorMenuItem(), dark);
    }

    private Menu help() {
        MenuItem plugins = item("Plugins…", null, e -> vm.loadPlugins(list -> HelpDialogs.plugins(stage, list).show()));
        plugins.setId("helpPlugins");
        MenuItem about = item("About Cairn", null, e -> HelpDialogs.about(stage, vm.services().version(),
                vm.storePathProperty().get()).show());
        about.setId("helpAbout");
        return new Menu("Help", null, plugins, about);
    }

    /** Compare, rename, tag, delete, restore, register, export: the Run menu and the table's context menu. */
    MenuItem[] runMenuItems() {
        RunsViewModel runs = vm.runs();
        MenuItem rename = item("Rename…", "F2", e -> {
            RunRow row = browser.table().getSelectionModel().getSelectedItem();
            if (row != null) {
                browser.dialogs().rename(row.run());
            }
        });
        MenuItem tag = item("Add tag…", null, e -> browser.dialogs().addTag(browser.selectedIds()));
        MenuItem delete = item("Delete…", null, e -> browser.dialogs().confirmDelete(browser.selectedIds()));
        MenuItem restore = item("Restore", null, e -> runs.restore(browser.selectedIds()));
        MenuItem compare = item("Compare…", "shortcut+shift+C", e -> vm.compare(browser.selectedIds()));
        compare.disableProperty().bind(Bindings.size(runs.selection()).lessThan(2));
        MenuItem exportSelected = item("Export selected runs…", null, e -> exports.export(true));
        MenuItem exportAll = item("Export table…", null, e -> exports.export(false));
        MenuItem register = item("Register model…", null, e -> window.registerModel());
        for (MenuItem m : List.of(rename, tag, delete, restore)) {
            m.disableProperty().bind(runs.readOnlyProperty().or(Bindings.isEmpty(runs.selection())));
        }
        exportSelected.disableProperty().bind(Bindings.isEmpty(runs.selection()));
        register.disableProperty().bind(runs.readOnlyProperty().or(Bindings.size(runs.selection())
                .isNotEqualTo(1)));
        return new MenuItem[] {compare, new SeparatorMenuItem(), rename, tag, delete, restore,
            new SeparatorMenuItem(), register, new SeparatorMenuItem(), exportSelected, exportAll};
    }

    static MenuItem item(String text, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(action);
        return m;
    }
}
