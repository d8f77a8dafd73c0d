package dev.cairn.viewer.shell;

import atlantafx.base.theme.Styles;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.common.UserMessages;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.compare.CompareWindow;
import dev.cairn.viewer.registry.RegistryView;
import dev.cairn.viewer.registry.RegistryViewModel;
import dev.cairn.viewer.runs.ColumnChooserDialog;
import dev.cairn.viewer.runs.ExperimentsView;
import dev.cairn.viewer.runs.FilterBar;
import dev.cairn.viewer.runs.RunDetailView;
import dev.cairn.viewer.runs.RunDialogs;
import dev.cairn.viewer.runs.RunExporter;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.runs.RunsTableView;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The main window: menus, the centre (welcome, error, the run browser: experiments | runs table | run detail, or
 * the model registry), the import sheet over it (files, folders or zips dropped anywhere on the window), and the
 * status bar. Builds nodes, binds them to the {@link ShellViewModel} and forwards events; no store work.
 */
public final class MainWindow implements ShellCommands {
    private static final String CSS = MainWindow.class.getResource("/dev/cairn/viewer/cairn.css").toExternalForm();
    private static final String SHELL_CSS = MainWindow.class.getResource("shell.css").toExternalForm();

    private final Stage stage;
    private final ShellViewModel vm;
    private final RunExporter exporter;
    private final Consumer<Path> folderOpener;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final SplitPane browser = new SplitPane();
    private final SplitPane tableAndDetail = new SplitPane();
    private final ExperimentsView experimentsView;
    private final RunsTableView tableView;
    private final FilterBar filterBar;
    private final RunDetailView detailView;
    private final RunDialogs dialogs;
    private final ImportSheet importSheet;
    private RegistryViewModel shownRegistry;
    private Node registryNode;

    public MainWindow(Stage stage, ShellViewModel vm, RunExporter exporter, Consumer<Path> folderOpener) {
        this.stage = stage;
        this.vm = vm;
        this.exporter = exporter;
        this.folderOpener = folderOpener;
        RunsViewModel runs = vm.runs();
        this.dialogs = new RunDialogs(runs, () -> stage);
        this.experimentsView = new ExperimentsView(vm.experiments());
        this.tableView = new RunsTableView(runs);
        this.filterBar = new FilterBar(runs, columnsButton(), exportButton());
        vm.runs().setOnRegisterModel(this::registerModel);
        this.detailView = new RunDetailView(vm.detail(), runs, dialogs);
        detailView.setOnOpenRun(this::selectRun);
        detailView.setOnOpenFolder(folderOpener);

        VBox tableBox = new VBox(filterBar.node(), tableView.table());
        VBox.setVgrow(tableView.table(), Priority.ALWAYS);
        tableAndDetail.getItems().addAll(tableBox, detailView.node());
        SplitPane.setResizableWithParent(detailView.node(), false);
        browser.getItems().addAll(experimentsView.node(), tableAndDetail);
        SplitPane.setResizableWithParent(experimentsView.node(), false);
        browser.setOrientation(Orientation.HORIZONTAL);
        ViewerSettings s = vm.settings();
        browser.setDividerPositions(s.getLeftDivider());
        tableAndDetail.setDividerPositions(s.getDetailDivider());

        tableView.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.detail().show(b == null ? null : b.id()));
        vm.runs().loadingProperty().addListener((o, was, now) -> {
            TableView<RunRow> t = tableView.table();
            if (was && !now && !vm.runsToSelect().isEmpty()) {
                applyRunsToSelect();
            } else if (was && !now && t.getSelectionModel().isEmpty() && !t.getItems().isEmpty()) {
                t.getSelectionModel().select(0);
            }
        });
        vm.runsToSelect().addListener((ListChangeListener<String>) c -> {
            if (!vm.runsToSelect().isEmpty() && !vm.runs().loadingProperty().get()) {
                applyRunsToSelect();
            }
        });
        vm.registryProperty().addListener((o, a, b) -> wireRegistry(b));
        vm.passwordPromptProperty().addListener((o, a, b) -> {
            if (b != null) {
                // after the failed open has been shown, not inside this property change
                javafx.application.Platform.runLater(() -> {
                    if (vm.passwordPromptProperty().get() == b) {
                        vm.passwordPromptProperty().set(null);
                        TeamStoreDialog.show(stage, b);
                    }
                });
            }
        });
        tableView.table().setContextMenu(new javafx.scene.control.ContextMenu(runMenuItems()));
        tableView.table().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openDetail();
                e.consume();
            }
        });

        importSheet = new ImportSheet(vm.importSheet(), vm.runner().work());
        root.setTop(menuBar());
        root.setCenter(new StackPane(centre, importSheet));
        root.setBottom(new StatusBar(vm).node());
        vm.screenProperty().addListener((o, a, b) -> showScreen(b));
        showScreen(vm.screenProperty().get());

        Scene scene = new Scene(root, s.getWindowWidth(), s.getWindowHeight());
        scene.getStylesheets().addAll(CSS, SHELL_CSS);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::globalKeys);
        installDrop(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        applyTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, b) -> applyTheme(b));
        stage.setOnHidden(e -> {
            rememberGeometry();
            vm.shutdown();
        });
    }

    private void showScreen(Screen screen) {
        Node node = switch (screen) {
            case OPENING -> opening();
            case WELCOME -> new WelcomeView(vm, this, true).node();
            case NO_STORE -> new WelcomeView(vm, this, false).node();
            case ERROR -> new StoreErrorView(vm, this).node();
            case BROWSER -> browser;
            case REGISTRY -> registryNode();
        };
        centre.getChildren().setAll(node);
    }

    /** The registry browser under a header that leads back to the runs. */
    private Node registryNode() {
        RegistryViewModel r = vm.registryProperty().get();
        if (r == null) {
            return new Label("No store is open.");
        }
        if (registryNode == null || shownRegistry != r) {
            Button back = new Button("Runs", new FontIcon(Material2AL.ARROW_BACK));
            back.setId("backToRuns");
            back.getStyleClass().add(Styles.FLAT);
            back.setOnAction(e -> vm.showRuns(List.of()));
            Label title = new Label("Model registry");
            title.getStyleClass().add("view-header-title");
            HBox header = new HBox(back, title);
            header.getStyleClass().add("view-header");
            RegistryView view = new RegistryView(r);
            view.setId("registryView");
            BorderPane pane = new BorderPane(view);
            pane.setTop(header);
            registryNode = pane;
            shownRegistry = r;
        }
        return registryNode;
    }

    private void wireRegistry(RegistryViewModel r) {
        registryNode = null;
        shownRegistry = null;
        if (r == null) {
            return;
        }
        r.setOnOpenRun(id -> vm.showRuns(List.of(id)));
        r.setOnCompareRuns(ids -> {
            if (vm.store() != null) {
                CompareWindow.open(stage, vm.store(), vm.runner(), ids, vm.themeProperty().get());
            }
        });
    }

    /** Selects the runs the view-model asked for (after an import, or a registry link), then forgets them. */
    private void applyRunsToSelect() {
        List<String> ids = List.copyOf(vm.runsToSelect());
        vm.runsToSelect().clear();
        List<RunRow> rows = ids.stream().map(vm.runs()::row).filter(Objects::nonNull).toList();
        TableView<RunRow> table = tableView.table();
        if (rows.isEmpty()) {
            if (ids.size() == 1) {
                vm.detail().show(ids.get(0));
            }
            return;
        }
        table.getSelectionModel().clearSelection();
        for (RunRow row : rows) {
            table.getSelectionModel().select(row);
        }
        table.scrollTo(rows.get(0));
    }

    private Node opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label("Opening store…");
        VBox box = new VBox(12, spinner, label);
        box.getStyleClass().add("welcome");
        return box;
    }

    private MenuBar menuBar() {
        MenuItem newStore = item("New store…", "shortcut+N", e -> newStore());
        MenuItem open = item("Open store…", "shortcut+O", e -> openStore());
        MenuItem openTeam = item("Open team store…", "shortcut+shift+O", e -> openTeamStore());
        openTeam.setId("openTeamStore");
        MenuItem openShared = item("Open shared store (network drive)…", null, e -> chooseAndOpen(StoreMode.SHARED));
        MenuItem openReadOnly = item("Open read-only…", null, e -> chooseAndOpen(StoreMode.READ_ONLY));
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
        MenuItem importRuns = item("Import folder…", "shortcut+I", e -> importRuns());
        importRuns.setId("importFolder");
        MenuItem importFile = item("Import files or zip…", "shortcut+shift+I", e -> importFiles());
        importFile.setId("importFiles");
        for (MenuItem m : List.of(importRuns, importFile)) {
            m.setDisable(!vm.importSheet().available());
        }
        MenuItem demo = item("Load demo data", null, e -> vm.loadDemoData());
        demo.setDisable(!vm.welcomeActions().canLoadDemoData());
        MenuItem close = item("Close store", "shortcut+W", e -> vm.closeStore());
        MenuItem exit = item("Exit", "shortcut+Q", e -> stage.close());
        Menu file = new Menu("File", null, newStore, open, openTeam, openShared, openReadOnly, recent,
                new SeparatorMenuItem(),
                importRuns, importFile, demo, new SeparatorMenuItem(), close, exit);

        MenuItem filter = item("Filter runs", "shortcut+F", e -> focusFilter());
        MenuItem selectAll = item("Select all runs", null, e -> tableView.table().getSelectionModel().selectAll());
        Menu edit = new Menu("Edit", null, filter, selectAll);

        Menu run = new Menu("Run", null, runMenuItems());

        MenuItem columns = item("Columns…", null, e -> ColumnChooserDialog.show(stage, vm.runs()));
        MenuItem refresh = item("Refresh", "F5", e -> {
            vm.experiments().reload();
            vm.runs().reload();
        });
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkTheme");
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        dark.setOnAction(e -> vm.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        MenuItem showRuns = item("Runs", "shortcut+1", e -> vm.showRuns(List.of()));
        showRuns.setId("viewRuns");
        MenuItem showRegistry = item("Model registry", "shortcut+M", e -> vm.showRegistry());
        showRegistry.setId("viewRegistry");
        showRuns.disableProperty().bind(vm.registryProperty().isNull());
        showRegistry.disableProperty().bind(vm.registryProperty().isNull());
        MenuItem hparams = item("Hyperparameters", "shortcut+shift+H", e -> toggleHyperparameters());
        MenuItem drift = item("Data drift", "shortcut+shift+D", e -> toggleDrift());
        drift.setId("viewDrift");
        drift.setDisable(vm.services().drift() == null);
        MenuItem server = item("Tracking server…", null, e -> dev.cairn.viewer.server.TrackingServerDialog.open(stage,
                vm.runner(), vm::store));
        server.setId("viewTrackingServer");
        Menu view = new Menu("View", null, showRuns, showRegistry, hparams, drift, new SeparatorMenuItem(), columns,
                refresh, new SeparatorMenuItem(), server, new SeparatorMenuItem(), dark);
        MenuItem plugins = item("Plugins…", null, e -> vm.loadPlugins(list -> HelpDialogs.plugins(stage, list).show()));
        plugins.setId("helpPlugins");
        MenuItem about = item("About Cairn", null, e -> HelpDialogs.about(stage, vm.services().version(),
                vm.storePathProperty().get()).show());
        about.setId("helpAbout");
        Menu help = new Menu("Help", null, plugins, about);
        return new MenuBar(file, edit, run, view, help);
    }

    private Node hparamsNode;
    private Node driftNode;

    /** Shows the data-drift view of the registered models (or goes back to the runs). */
    private void toggleDrift() {
        if (driftNode != null && centre.getChildren().contains(driftNode)) {
            driftNode = null;
            showScreen(vm.screenProperty().get());
            return;
        }
        TrackingStore store = vm.store();
        if (store == null || vm.services().drift() == null) {
            return;
        }
        dev.cairn.viewer.drift.DriftViewModel dvm = new dev.cairn.viewer.drift.DriftViewModel(store,
                vm.services().drift(), vm.runner());
        Button back = new Button("Runs", new FontIcon("mdal-arrow_back"));
        back.setOnAction(e -> toggleDrift());
        Label title = new Label("Data drift");
        title.getStyleClass().add("title-4");
        HBox header = new HBox(12, back, title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 6, 10));
        BorderPane pane = new BorderPane(new dev.cairn.viewer.drift.DriftView(dvm));
        pane.setTop(header);
        driftNode = pane;
        centre.getChildren().setAll(driftNode);
        dvm.reload();
    }

    /**
     * Shows the hyperparameter analysis of the runs in view — the selection when two or more runs are selected,
     * else every run the table holds (the experiment, under the filter) — or goes back to the runs.
     */
    private void toggleHyperparameters() {
        if (hparamsNode != null && centre.getChildren().contains(hparamsNode)) {
            hparamsNode = null;
            showScreen(vm.screenProperty().get());
            return;
        }
        TrackingStore store = vm.store();
        if (store == null) {
            return;
        }
        List<String> ids = vm.runs().selection().size() >= 2
                ? vm.runs().selection().stream().map(RunRow::id).toList()
                : vm.runs().tableRuns().stream().map(d -> d.run().id()).toList();
        dev.cairn.viewer.hparams.HparamsViewModel hvm = new dev.cairn.viewer.hparams.HparamsViewModel(store,
                vm.runner());
        hvm.setOnSelectRuns(selected -> {
            toggleHyperparameters();
            vm.showRuns(selected);
        });
        hvm.setOnCompare(selected -> CompareWindow.open(stage, store, vm.runner(), selected,
                vm.themeProperty().get()));
        hvm.setRuns(ids);
        Button back = new Button("Runs", new FontIcon("mdal-arrow_back"));
        back.setOnAction(e -> toggleHyperparameters());
        Label title = new Label("Hyperparameters · " + ids.size() + " runs");
        title.getStyleClass().add("title-4");
        HBox header = new HBox(12, back, title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 6, 10));
        BorderPane pane = new BorderPane(new dev.cairn.viewer.hparams.HparamsView(hvm));
        pane.setTop(header);
        hparamsNode = pane;
        centre.getChildren().setAll(hparamsNode);
    }

    private MenuItem[] runMenuItems() {
        RunsViewModel runs = vm.runs();
        MenuItem rename = item("Rename…", "F2", e -> {
            RunRow row = tableView.table().getSelectionModel().getSelectedItem();
            if (row != null) {
                dialogs.rename(row.run());
            }
        });
        MenuItem tag = item("Add tag…", null, e -> dialogs.addTag(selectedIds()));
        MenuItem delete = item("Delete…", null, e -> dialogs.confirmDelete(selectedIds()));
        MenuItem restore = item("Restore", null, e -> runs.restore(selectedIds()));
        MenuItem compare = item("Compare…", "shortcut+shift+C", e -> CompareWindow.open(stage, vm.store(),
                vm.runner(), selectedIds(), vm.themeProperty().get()));
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(runs.selection()).lessThan(2));
        MenuItem exportSelected = item("Export selected runs…", null, e -> export(true));
        MenuItem exportAll = item("Export table…", null, e -> export(false));
        MenuItem register = item("Register model…", null, e -> registerModel());
        for (MenuItem m : List.of(rename, tag, delete, restore)) {
            m.disableProperty().bind(runs.readOnlyProperty().or(javafx.beans.binding.Bindings.isEmpty(
                    runs.selection())));
        }
        exportSelected.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(runs.selection()));
        register.disableProperty().bind(runs.readOnlyProperty().or(javafx.beans.binding.Bindings.size(
                runs.selection()).isNotEqualTo(1)));
        return new MenuItem[] {compare, new SeparatorMenuItem(), rename, tag, delete, restore,
            new SeparatorMenuItem(), register, new SeparatorMenuItem(), exportSelected, exportAll};
    }

    private Button columnsButton() {
        Button b = new Button(null, new FontIcon(Material2MZ.VIEW_COLUMN));
        b.setId("columnsButton");
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip("Choose param, metric and tag columns"));
        b.setOnAction(e -> ColumnChooserDialog.show(stage, vm.runs()));
        return b;
    }

    private MenuButton exportButton() {
        MenuItem selected = new MenuItem("Export selected runs…");
        selected.setOnAction(e -> export(true));
        MenuItem all = new MenuItem("Export table…");
        all.setOnAction(e -> export(false));
        MenuButton b = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), selected, all);
        b.setId("exportButton");
        b.setTooltip(new Tooltip("Export runs to CSV or JSON"));
        return b;
    }

    private static MenuItem item(String text, String accelerator, javafx.event.EventHandler<javafx.event.ActionEvent> a) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(a);
        return m;
    }

    /** Ctrl+A and Delete act on the table unless a text field has the focus. */
    private void globalKeys(KeyEvent e) {
        if (vm.screenProperty().get() != Screen.BROWSER
                || stage.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
            tableView.table().getSelectionModel().selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && !vm.runs().readOnlyProperty().get()) {
            dialogs.confirmDelete(selectedIds());
            e.consume();
        }
    }

    private List<String> selectedIds() {
        return vm.runs().selection().stream().map(RunRow::id).toList();
    }

    private void focusFilter() {
        if (vm.screenProperty().get() == Screen.BROWSER) {
            filterBar.field().requestFocus();
            filterBar.field().selectAll();
        }
    }

    private void openDetail() {
        double[] pos = tableAndDetail.getDividerPositions();
        if (pos.length > 0 && pos[0] > 0.92) {
            tableAndDetail.setDividerPositions(vm.settings().getDetailDivider() > 0.92 ? 0.65
                    : vm.settings().getDetailDivider());
        }
        detailView.node().requestFocus();
    }

    /** Selects run {@code id} in the table when it is shown (parent/child links). */
    public void selectRun(String id) {
        TableView<RunRow> table = tableView.table();
        RunRow row = vm.runs().reveal(id);
        if (row != null) {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        } else {
            vm.detail().show(id);
        }
    }

    @Override
    public void openStore() {
        chooseAndOpen(StoreMode.LOCAL);
    }

    /** File → Open team store…: host, port, database, user (and a password when none is known), then Open. */
    @Override
    public void openTeamStore() {
        TeamStoreDialog.show(stage, vm.teamStore());
    }

    private void chooseAndOpen(StoreMode mode) {
        FileChooser chooser = storeChooser("Open store");
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.openStore(f.toPath(), mode);
        }
    }

    @Override
    public void newStore() {
        FileChooser chooser = storeChooser("New store");
        chooser.setInitialFileName("cairn.db");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().contains(".")) {
                p = p.resolveSibling(p.getFileName() + ".db");
            }
            vm.openStore(p, StoreMode.LOCAL);
        }
    }

    @Override
    public void importRuns() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import runs from a folder (MLflow mlruns, TensorBoard logs, …)");
        File f = chooser.showDialog(stage);
        if (f != null) {
            vm.importRuns(List.of(f.toPath()));
        }
    }

    /** File → Import files or zip…: MLflow databases, CSV logs, event files, bundles, zips. */
    public void importFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import runs from files (mlflow.db, metrics.csv, .cairn.zip, event files, …)");
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            vm.importRuns(files.stream().map(File::toPath).toList());
        }
    }

    /** Run → Register model…: the selected run becomes a new version of an existing or new model. */
    public void registerModel() {
        registerModel(vm.runs().selection().stream().map(RunRow::id).toList());
    }

    /**
     * Asks for the model and registers run {@code ids} (exactly one) as its next version; the runs view's "Register
     * model…" callback can be pointed here.
     */
    public void registerModel(List<String> ids) {
        RunRow row = ids.size() == 1 ? vm.runs().row(ids.get(0)) : null;
        if (row == null) {
            vm.noticeProperty().set("Select one run to register as a model version.");
            return;
        }
        vm.loadModelNames(names -> RegisterModelDialog.ask(stage, row.id(), row.run().name(), names)
                .ifPresent(a -> vm.registerModel(row.id(), a.model(), a.source())));
    }

    private FileChooser storeChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Cairn stores (*.db)", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        String current = vm.storePathProperty().get();
        if (current != null && !current.isEmpty()
                && StoreLocation.parse(current) instanceof StoreLocation.SqliteFile file) {
            File dir = file.path().getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        return chooser;
    }

    private void export(boolean selectedOnly) {
        List<RunDetails> runs = selectedOnly
                ? vm.runs().selection().stream().map(RunRow::details).toList()
                : vm.runs().tableRuns();
        if (runs.isEmpty()) {
            vm.noticeProperty().set("Nothing to export.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(selectedOnly ? "Export selected runs" : "Export table");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        if (exporter.canWriteJson()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON (*.json)", "*.json"));
        }
        BundleWriter bundles = vm.services().bundles();
        if (bundles != null) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    "Cairn bundle, series included (*.cairn.zip)", "*.cairn.zip"));
        }
        chooser.setInitialFileName("runs.csv");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        boolean bundle = bundles != null && (target.toString().toLowerCase(Locale.ROOT).endsWith(".cairn.zip")
                || (chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getDescription().startsWith("Cairn bundle")));
        if (bundle) {
            Path zip = target.toString().toLowerCase(Locale.ROOT).endsWith(".cairn.zip") ? target
                    : target.resolveSibling(target.getFileName() + ".cairn.zip");
            List<String> ids = runs.stream().map(d -> d.run().id()).toList();
            TrackingStore store = vm.store();
            vm.runner().submit("Exporting " + ids.size() + " runs to a bundle", () -> {
                bundles.write(store, ids, zip, p -> { });
                return zip;
            }, p -> vm.noticeProperty().set("Exported " + ids.size() + " runs to " + p.getFileName()),
                    e -> vm.noticeProperty().set("Export failed: " + UserMessages.of(e)));
            return;
        }
        RunExporter.Format format = chooser.getSelectedExtensionFilter() != null
                && chooser.getSelectedExtensionFilter().getDescription().startsWith("JSON")
                && !target.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? RunExporter.Format.JSON : RunExporter.Format.forFile(target);
        vm.runner().submit("Exporting " + runs.size() + " runs", () -> {
            exporter.export(runs, target, format);
            return target;
        }, p -> vm.noticeProperty().set("Exported " + runs.size() + " runs to " + p.getFileName()),
                e -> vm.noticeProperty().set("Export failed: " + UserMessages.of(e)));
    }

    private void installDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains("drop-hint")) {
                    root.getStyleClass().add("drop-hint");
                }
            }
            e.consume();
        });
        scene.setOnDragExited(e -> root.getStyleClass().remove("drop-hint"));
        scene.setOnDragDropped(e -> {
            root.getStyleClass().remove("drop-hint");
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                drop(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    /**
     * What a drop of {@code paths} does (the scene's drop handler calls it with the dragboard's files): a single
     * Cairn store opens; anything an importer claims goes to the import sheet.
     */
    public void drop(List<Path> paths) {
        List<Path> usable = new ArrayList<>(paths);
        usable.removeIf(Objects::isNull);
        vm.importSheet().offer(usable);
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.stylesheet());
    }

    private void rememberGeometry() {
        ViewerSettings s = vm.settings();
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            s.setWindowWidth(stage.getWidth());
            s.setWindowHeight(stage.getHeight());
        }
        if (browser.getDividerPositions().length > 0) {
            s.setLeftDivider(browser.getDividerPositions()[0]);
        }
        if (tableAndDetail.getDividerPositions().length > 0) {
            s.setDetailDivider(tableAndDetail.getDividerPositions()[0]);
        }
    }

    public Stage stage() {
        return stage;
    }

    public TableView<RunRow> runsTable() {
        return tableView.table();
    }

    public FilterBar filterBar() {
        return filterBar;
    }
}
