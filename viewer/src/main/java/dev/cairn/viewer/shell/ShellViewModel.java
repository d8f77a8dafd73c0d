package dev.cairn.viewer.shell;

import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.common.Ticker;
import dev.cairn.viewer.common.UserMessages;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.runs.ColumnSpec;
import dev.cairn.viewer.runs.ExperimentItem;
import dev.cairn.viewer.runs.ExperimentsViewModel;
import dev.cairn.viewer.runs.RunDetailViewModel;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The main window's state: which store is open (and in which mode), what the centre shows, the title, the
 * feature view-models, the theme, recent stores and the welcome actions. Plain Java; UI thread only.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final TaskRunner runner;
    private final SettingsStore settingsStore;
    private final ViewerSettings settings;
    private final WelcomeActions welcomeActions;
    private final LatestOnly opens;
    private final ExperimentsViewModel experiments;
    private final RunsViewModel runs;
    private final RunDetailViewModel detail;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.NO_STORE);
    private final StringProperty title = new SimpleStringProperty(this, "title", "Cairn");
    private final StringProperty storePath = new SimpleStringProperty(this, "storePath", "");
    private final ObjectProperty<StoreMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final StringProperty notice = new SimpleStringProperty(this, "notice");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<String> recentStores = FXCollections.observableArrayList();

    private TrackingStore store;
    private boolean applyingColumns;

    public ShellViewModel(TaskRunner runner, Ticker ticker, SettingsStore settingsStore, WelcomeActions actions) {
        this.runner = runner;
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.welcomeActions = actions == null ? WelcomeActions.NONE : actions;
        this.opens = new LatestOnly(runner);
        this.experiments = new ExperimentsViewModel(runner);
        this.runs = new RunsViewModel(runner, ticker);
        this.detail = new RunDetailViewModel(runner);
        theme.set(Theme.parse(settings.getTheme()));
        recentStores.setAll(settings.getRecentStores());
        theme.addListener((o, a, b) -> {
            settings.setTheme(b.name().toLowerCase(java.util.Locale.ROOT));
            saveSettings();
        });
        experiments.selectedProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                runs.setScope(b);
                restoreColumns(b);
            }
        });
        experiments.showDeletedProperty().addListener((o, a, b) -> runs.setIncludeDeleted(b));
        runs.columns().addListener((ListChangeListener<ColumnSpec>) c -> rememberColumns());
        runs.setOnRunsChanged(ids -> {
            detail.runsChanged(ids);
            experiments.reload();
            if (screen.get() == Screen.WELCOME) {
                screen.set(Screen.BROWSER);
            }
        });
    }

    /** Opens {@code path} in {@code mode} (creating it when missing unless read-only). */
    public void openStore(Path path, StoreMode requested) {
        Objects.requireNonNull(path, "path");
        StoreMode m = requested == null ? StoreMode.LOCAL : requested;
        StoreOptions options = switch (m) {
            case SHARED -> StoreOptions.shared();
            case READ_ONLY -> StoreOptions.readOnly();
            default -> StoreOptions.local();
        };
        closeStore();
        screen.set(Screen.OPENING);
        storePath.set(path.toAbsolutePath().normalize().toString());
        title.set("Cairn — " + fileName(path));
        opens.submit("Opening " + fileName(path), progress -> {
            TrackingStore s = TrackingStore.open(path, options);
            try {
                return new OpenedStore(s, s.experiments().list(true).isEmpty());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, this::opened, failure -> {
            LOG.info("cannot open {}: {}", path, failure.toString());
            error.set(UserMessages.of(failure));
            mode.set(null);
            screen.set(Screen.ERROR);
        });
    }

    private void opened(OpenedStore opened) {
        store = opened.store();
        mode.set(store.mode());
        storePath.set(store.path().toString());
        error.set(null);
        experiments.attach(store);
        runs.attach(store);
        detail.attach(store);
        settings.rememberStore(store.path().toString());
        recentStores.setAll(settings.getRecentStores());
        saveSettings();
        screen.set(opened.empty() ? Screen.WELCOME : Screen.BROWSER);
    }

    /** Closes the open store (the window shows the welcome view without a store). */
    public void closeStore() {
        opens.cancel();
        experiments.detach();
        runs.detach();
        detail.detach();
        TrackingStore old = store;
        store = null;
        mode.set(null);
        storePath.set("");
        title.set("Cairn");
        screen.set(Screen.NO_STORE);
        if (old != null) {
            runner.submit(null, () -> {
                old.close();
                return Boolean.TRUE;
            }, ok -> { }, e -> LOG.warn("closing {} failed", old.path(), e));
        }
    }

    /** Writes the demo experiment into the open store, then shows it. */
    public void loadDemoData() {
        if (store == null || !welcomeActions.canLoadDemoData()) {
            return;
        }
        TrackingStore s = store;
        runner.submit("Training demo models", progress -> {
            welcomeActions.loadDemoData(s, progress);
            return Boolean.TRUE;
        }, ok -> refreshAfterWrite("Demo data loaded."), failure -> notice.set(UserMessages.of(failure)));
    }

    /** Imports runs from {@code source} into the open store. */
    public void importRuns(Path source) {
        if (store == null || !welcomeActions.canImportRuns()) {
            return;
        }
        TrackingStore s = store;
        runner.submit("Importing " + fileName(source), progress -> welcomeActions.importRuns(s, source, progress),
                this::refreshAfterWrite, failure -> notice.set(UserMessages.of(failure)));
    }

    private void refreshAfterWrite(String message) {
        notice.set(message);
        experiments.reload();
        runs.reload();
        screen.set(Screen.BROWSER);
    }

    /** Closes the store and saves settings; call when the window closes. */
    public void shutdown() {
        closeStore();
        saveSettings();
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    private void restoreColumns(ExperimentItem scope) {
        List<String> ids = settings.getColumns().getOrDefault(columnKey(scope), List.of());
        List<ColumnSpec> specs = new ArrayList<>();
        for (String id : ids) {
            ColumnSpec spec = ColumnSpec.parse(id);
            if (spec != null) {
                specs.add(spec);
            }
        }
        applyingColumns = true;
        try {
            runs.columns().setAll(specs);
        } finally {
            applyingColumns = false;
        }
    }

    private void rememberColumns() {
        if (applyingColumns) {
            return;
        }
        ExperimentItem scope = experiments.selectedProperty().get();
        settings.getColumns().put(columnKey(scope), runs.columns().stream().map(ColumnSpec::id).toList());
        saveSettings();
    }

    private static String columnKey(ExperimentItem scope) {
        return scope == null || scope.isAll() ? "" : scope.name();
    }

    /** Saves the settings (window geometry is set by the view before). */
    public void saveSettings() {
        try {
            settingsStore.save(settings);
        } catch (RuntimeException e) {
            LOG.warn("cannot save settings: {}", e.toString());
        }
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public ViewerSettings settings() {
        return settings;
    }

    public WelcomeActions welcomeActions() {
        return welcomeActions;
    }

    public ExperimentsViewModel experiments() {
        return experiments;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public RunDetailViewModel detail() {
        return detail;
    }

    public TaskRunner runner() {
        return runner;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty storePathProperty() {
        return storePath;
    }

    /** The open store's mode; null when none is open. */
    public ReadOnlyObjectProperty<StoreMode> modeProperty() {
        return mode;
    }

    /** Why the store could not be opened. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** A short message for the status bar (e.g. "Demo data loaded."). */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObservableList<String> recentStores() {
        return recentStores;
    }

    /** The open store, or null. */
    public TrackingStore store() {
        return store;
    }
}
