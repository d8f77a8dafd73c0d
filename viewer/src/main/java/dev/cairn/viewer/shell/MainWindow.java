package dev.cairn.viewer.shell;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.compare.CompareWindow;
import dev.cairn.viewer.runs.FilterBar;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.runs.RunExporter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The main window, its composition root: menus ({@link MenuBuilder}), the centre showing the shell's
 * {@link Screen} ({@link ScreenViews}: welcome, error, the run browser, registry, hyperparameters, drift), the
 * import sheet over it, drops anywhere on the window ({@link DropHandler}), exports ({@link RunExportController})
 * and the status bar. The file choosers of {@link ShellCommands} live here; no store work.
 */
public final class MainWindow implements ShellCommands {
    private static final String CSS = MainWindow.class.getResource("/dev/cairn/viewer/cairn.css").toExternalForm();
    private static final String SHELL_CSS = MainWindow.class.getResource("shell.css").toExternalForm();

    private final Stage stage;
    private final ShellViewModel vm;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final RunBrowser browser;
    private final ScreenViews screens;

    public MainWindow(Stage stage, ShellViewModel vm, RunExporter exporter, Consumer<Path> folderOpener) {
        this.stage = stage;
        this.vm = vm;
        RunExportController exports = new RunExportController(stage, vm, exporter);
        this.browser = new RunBrowser(stage, vm, exports, folderOpener);
        MenuBuilder menus = new MenuBuilder(stage, vm, this, browser, exports);
        browser.setContextMenu(menus.runMenuItems());
        vm.runs().setOnRegisterModel(this::registerModel);
        vm.setCompareHandler(ids -> CompareWindow.open(stage, vm.store(), vm.runner(), ids,
                vm.themeProperty().get()));
        this.screens = new ScreenViews(vm, this, browser.node());
        vm.passwordPromptProperty().addListener((o, a, b) -> {
            if (b != null) {
                // after the failed open has been shown, not inside this property change
                Platform.runLater(() -> {
                    if (vm.passwordPromptProperty().get() == b) {
                        vm.passwordPromptProperty().set(null);
                        TeamStoreDialog.show(stage, b);
                    }
                });
            }
        });

        ImportSheet importSheet = new ImportSheet(vm.importSheet(), vm.runner().work());
        root.setTop(menus.menuBar());
        root.setCenter(new StackPane(centre, importSheet));
        root.setBottom(new StatusBar(vm).node());
        vm.screenProperty().addListener((o, a, b) -> showScreen(b));
        showScreen(vm.screenProperty().get());

        ViewerSettings s = vm.settings();
        Scene scene = new Scene(root, s.getWindowWidth(), s.getWindowHeight());
        scene.getStylesheets().addAll(CSS, SHELL_CSS);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::globalKeys);
        DropHandler.install(scene, root, this::drop);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(420);
        applyTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, b) -> {
            applyTheme(b);
            screens.themeChanged();
            if (vm.screenProperty().get() == Screen.DRIFT || vm.screenProperty().get() == Screen.MONITORING) {
                showScreen(vm.screenProperty().get());
            }
        });
        stage.setOnHidden(e -> {
            rememberGeometry();
            vm.shutdown();
        });
    }

    private void showScreen(Screen screen) {
        centre.getChildren().setAll(screens.nodeFor(screen));
    }

    /** Ctrl+A and Delete act on the table unless a text field has the focus. */
    private void globalKeys(KeyEvent e) {
        if (vm.screenProperty().get() != Screen.BROWSER
                || stage.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
            browser.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && !vm.runs().readOnlyProperty().get()) {
            browser.dialogs().confirmDelete(browser.selectedIds());
            e.consume();
        }
    }

    /** Selects run {@code id} in the table when it is shown (parent/child links). */
    public void selectRun(String id) {
        browser.selectRun(id);
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

    /** Asks for a store file and opens it in {@code mode}. */
    void chooseAndOpen(StoreMode mode) {
        File f = storeChooser("Open store").showOpenDialog(stage);
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
        registerModel(browser.selectedIds());
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
        browser.rememberDividers();
    }

    public Stage stage() {
        return stage;
    }

    public TableView<RunRow> runsTable() {
        return browser.table();
    }

    public FilterBar filterBar() {
        return browser.filterBar();
    }
}
