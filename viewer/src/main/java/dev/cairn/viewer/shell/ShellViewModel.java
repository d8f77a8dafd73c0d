package dev.cairn.viewer.shell;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.SettingsStore;
import dev.cairn.viewer.common.StoreFailures;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Theme;
import dev.cairn.viewer.common.Ticker;
import dev.cairn.viewer.common.UserMessages;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.drift.DriftViewModel;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.hparams.HparamsViewModel;
import dev.cairn.viewer.registry.RegistryViewModel;
import dev.cairn.viewer.runs.ColumnSpec;
import dev.cairn.viewer.runs.ExperimentItem;
import dev.cairn.viewer.runs.ExperimentsViewModel;
import dev.cairn.viewer.runs.RunDetailViewModel;
import dev.cairn.viewer.runs.RunsViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The main window's state: which store is open (and in which mode), what the centre shows (runs or the model
 * registry), the title, the feature view-models, the import sheet, the theme, recent stores and the app's
 * services. Plain Java; UI thread only.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private static final String CANNOT_OPEN = "The store cannot be opened";

    /** How often the registry browser looks for changes while it is shown. */
    public static final Duration REGISTRY_POLL = Duration.ofSeconds(1);

    private final TaskRunner runner;
    private final Ticker ticker;
    private final ShellServices services;
    private final SettingsStore settingsStore;
    private final ViewerSettings settings;
    private final WelcomeActions welcomeActions;
    private final LatestOnly opens;
    private final ExperimentsViewModel experiments;
    private final RunsViewModel runs;
    private final RunDetailViewModel detail;
    private final ImportSheetViewModel importSheet;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.NO_STORE);
    private final StringProperty title = new SimpleStringProperty(this, "title", "Cairn");
    private final StringProperty storePath = new SimpleStringProperty(this, "storePath", "");
    private final ObjectProperty<StoreMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final StringProperty errorTitle = new SimpleStringProperty(this, "errorTitle", CANNOT_OPEN);
    private final StringProperty notice = new SimpleStringProperty(this, "notice");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<String> recentStores = FXCollections.observableArrayList();
    private final ObjectProperty<RegistryViewModel> registry = new SimpleObjectProperty<>(this, "registry");
    private final ObjectProperty<HparamsViewModel> hparams = new SimpleObjectProperty<>(this, "hparams");
    private final ObjectProperty<DriftViewModel> drift = new SimpleObjectProperty<>(this, "drift");
    private final ObjectProperty<MonitoringViewModel> monitoring = new SimpleObjectProperty<>(this, "monitoring");
    private final ObservableList<String> runsToSelect = FXCollections.observableArrayList();
    private final StringProperty connection = new SimpleStringProperty(this, "connection");
    private final ObjectProperty<TeamStoreViewModel> passwordPrompt = new SimpleObjectProperty<>(this,
            "passwordPrompt");
    private final BooleanProperty retryable = new SimpleBooleanProperty(this, "retryable", false);
    private final StringProperty statusMessage = new SimpleStringProperty(this, "statusMessage");
    private final BooleanProperty statusProblem = new SimpleBooleanProperty(this, "statusProblem", false);
    /** Which of connection, action error and notice changed last (it is what the status bar shows). */
    private ReadOnlyStringProperty latestMessage;

    private TrackingStore store;
    /** The last store asked for (with its password, in memory only), for Try again and the team-store form. */
    private StoreLocation lastLocation;
    private StoreMode lastMode = StoreMode.LOCAL;
    /** The last store's file went away while open: Try again opens what is there now, never a new empty store. */
    private boolean reopenExistingOnly;
    private Supplier<TeamStoreViewModel.PasswordLookup> passwordLookup = PgPass::fromEnvironment;
    private boolean applyingColumns;
    private boolean sessionTheme;
    private Cancellable registryPolling = Cancellable.NONE;
    private Consumer<List<String>> compareHandler = ids -> { };

    public ShellViewModel(TaskRunner runner, Ticker ticker, SettingsStore settingsStore, WelcomeActions actions) {
        this(runner, ticker, settingsStore, ShellServices.of(actions));
    }

    /** A shell with the app's services (importers, plugin list, version) besides the welcome actions. */
    public static ShellViewModel withServices(TaskRunner runner, Ticker ticker, SettingsStore settingsStore,
                                              ShellServices services) {
        return new ShellViewModel(runner, ticker, settingsStore, services);
    }

    private ShellViewModel(TaskRunner runner, Ticker ticker, SettingsStore settingsStore, ShellServices services) {
        this.runner = runner;
        this.ticker = ticker;
        this.services = services == null ? ShellServices.of(null) : services;
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.welcomeActions = this.services.welcome();
        this.importSheet = new ImportSheetViewModel(runner, this.services.imports(), () -> store);
        importSheet.setOnOpenStore(p -> openStore(p, StoreMode.LOCAL));
        importSheet.setOnImported(this::imported);
        this.opens = new LatestOnly(runner);
        this.experiments = new ExperimentsViewModel(runner);
        this.runs = new RunsViewModel(runner, ticker);
        this.detail = new RunDetailViewModel(runner);
        theme.set(Theme.parse(settings.getTheme()));
        recentStores.setAll(settings.getRecentStores());
        theme.addListener((o, a, b) -> {
            if (sessionTheme) {
                return;
            }
            settings.setTheme(b.name().toLowerCase(java.util.Locale.ROOT));
            saveSettings();
        });
        experiments.selectedProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                applyingColumns = true;
                try {
                    runs.setScope(b);
                } finally {
                    applyingColumns = false;
                }
                restoreColumns(b);
            }
        });
        runs.groupByProperty().addListener((o, a, b) -> rememberGroupBy());
        experiments.showDeletedProperty().addListener((o, a, b) -> runs.setIncludeDeleted(b));
        runs.columns().addListener((ListChangeListener<ColumnSpec>) c -> rememberColumns());
        runs.setOnRunsChanged(ids -> {
            detail.runsChanged(ids);
            experiments.reload();
            if (screen.get() == Screen.WELCOME) {
                screen.set(Screen.BROWSER);
            }
        });
        runs.setOnRefreshFailed(this::refreshFailed);
        runs.setOnRefreshed(this::refreshed);
        for (ReadOnlyStringProperty source : List.of(connection, runs.actionErrorProperty(), notice)) {
            source.addListener((o, a, b) -> {
                if (b != null) {
                    latestMessage = source;
                }
                updateStatusMessage();
            });
        }
    }

    /**
     * The status bar's message is the latest of: the lost connection, the last action's error, a notice; when it
     * goes away, the others in that order.
     */
    private void updateStatusMessage() {
        ReadOnlyStringProperty shown = latestMessage != null && latestMessage.get() != null ? latestMessage
                : connection.get() != null ? connection
                : runs.actionErrorProperty().get() != null ? runs.actionErrorProperty() : notice;
        statusMessage.set(shown.get());
        statusProblem.set(shown.get() != null && shown != notice);
    }

    /** Opens the SQLite file {@code path} in {@code mode} (creating it when missing unless read-only). */
    public void openStore(Path path, StoreMode requested) {
        openStore(StoreLocation.of(Objects.requireNonNull(path, "path")), requested);
    }

    /**
     * Opens the store at {@code location}: a SQLite file in {@code mode} (created when missing unless read-only),
     * or a PostgreSQL database.
     */
    public void openStore(StoreLocation location, StoreMode requested) {
        openStore(location, requested, true);
    }

    private void openStore(StoreLocation location, StoreMode requested, boolean create) {
        Objects.requireNonNull(location, "location");
        StoreMode m = requested == null ? StoreMode.LOCAL : requested;
        StoreOptions chosen = switch (m) {
            case SHARED -> StoreOptions.shared();
            case READ_ONLY -> StoreOptions.readOnly();
            default -> StoreOptions.local();
        };
        StoreOptions options = create ? chosen : chosen.withCreate(false);
        closeStore();
        lastLocation = location;
        lastMode = m;
        reopenExistingOnly = !create;
        errorTitle.set(CANNOT_OPEN);
        retryable.set(false);
        passwordPrompt.set(null);
        screen.set(Screen.OPENING);
        storePath.set(location.describe());
        title.set("Cairn — " + location.displayName());
        opens.submit("Opening " + location.displayName(), progress -> {
            TrackingStore s = TrackingStore.open(location, options);
            try {
                return new OpenedStore(s, s.experiments().list(true).isEmpty());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, this::opened, failure -> {
            LOG.warn("cannot open {}: {}", location.describe(), failure.toString());
            error.set(UserMessages.of(failure));
            mode.set(null);
            // after the file went away, Try again stays offered until it is back (or another store is opened)
            retryable.set(StoreFailures.unavailable(failure) || !create);
            screen.set(Screen.ERROR);
            StoreFailures.PasswordProblem problem = StoreFailures.passwordProblem(failure);
            if (problem != null && location instanceof StoreLocation.Postgres pg) {
                askForPassword(pg, problem);
            }
        });
    }

    /** Asks the window to show the team-store form for {@code pg} again, with a password field. */
    private void askForPassword(StoreLocation.Postgres pg, StoreFailures.PasswordProblem problem) {
        TeamStoreViewModel form = teamStore();
        form.prefill(pg);
        form.askForPassword(problem == StoreFailures.PasswordProblem.MISSING
                ? pg.displayName() + " asks for the password of " + pg.user() + "."
                : pg.displayName() + " refused the password of " + pg.user() + ".");
        passwordPrompt.set(form);
    }

    /** Opens the last store asked for again (after the server was down), with the same mode and password. */
    public void retryOpen() {
        if (lastLocation != null) {
            openStore(lastLocation, lastMode, !reopenExistingOnly);
        }
    }

    /**
     * A File → Open team store… form: filled in from the last team store asked for, the open one, or the most
     * recent one (no password from any of them), else the defaults. Open opens it in this window.
     */
    public TeamStoreViewModel teamStore() {
        TeamStoreViewModel form = new TeamStoreViewModel(passwordLookup.get(),
                System.getProperty("user.name", "postgres"), pg -> openStore(pg, StoreMode.LOCAL));
        StoreLocation.Postgres previous = lastTeamStore();
        if (previous != null) {
            form.prefill(previous);
        }
        return form;
    }

    private StoreLocation.Postgres lastTeamStore() {
        if (lastLocation instanceof StoreLocation.Postgres pg) {
            return pg;
        }
        for (String recent : recentStores) {
            try {
                if (StoreLocation.parse(recent) instanceof StoreLocation.Postgres pg) {
                    return pg;
                }
            } catch (RuntimeException e) {
                // a recent entry that no longer parses: skip it
            }
        }
        return null;
    }

    /** Where the team-store form looks for known passwords (tests: a fixed answer instead of this user's files). */
    public void setPasswordLookup(Supplier<TeamStoreViewModel.PasswordLookup> lookup) {
        this.passwordLookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** A background refresh failed: when the server is unreachable, say so until a poll succeeds again. */
    private void refreshFailed(Throwable failure) {
        TrackingStore s = store;
        if (s == null) {
            return;
        }
        String gone = StoreFailures.gone(failure);
        if (gone != null) {
            storeGone(s, gone);
            return;
        }
        if (!StoreFailures.unavailable(failure)) {
            return;
        }
        if (connection.get() == null) {
            LOG.warn("lost the connection to {}: {}", s.location().describe(), UserMessages.of(failure));
            connection.set("Connection to " + s.location().displayName() + " lost — retrying");
        }
    }

    /**
     * The open store's file was deleted, moved or replaced (the store refuses every call from now on): closes it and
     * says so, in one line, on the error screen and in the status bar; Try again reopens the path, which opens what is
     * there now or says it is missing or not a Cairn store, and never creates an empty store in its place.
     */
    private void storeGone(TrackingStore s, String reason) {
        LOG.warn("closing {}: {}", s.location().describe(), reason);
        StoreLocation location = s.location();
        StoreMode m = lastMode;
        closeStore();
        lastLocation = location;
        lastMode = m;
        reopenExistingOnly = true;
        title.set("Cairn — " + location.displayName());
        storePath.set(location.describe());
        errorTitle.set("The store file changed on disk");
        error.set(reason);
        retryable.set(true);
        screen.set(Screen.ERROR);
        connection.set(reason);
    }

    /** A background refresh worked: if the connection was lost, it is back; read again what failed meanwhile. */
    private void refreshed() {
        TrackingStore s = store;
        if (s == null || connection.get() == null) {
            return;
        }
        LOG.info("reconnected to {}", s.location().describe());
        connection.set(null);
        notice.set(null);
        notice.set("Reconnected to " + s.location().displayName() + ".");
        if (experiments.errorProperty().get() != null) {
            experiments.reload();
        }
        String shown = detail.runIdProperty().get();
        if (shown != null && detail.errorProperty().get() != null) {
            detail.runsChanged(List.of(shown));
        }
        RegistryViewModel r = registry.get();
        if (r != null && screen.get() == Screen.REGISTRY) {
            r.reload();
        }
    }

    private void opened(OpenedStore opened) {
        store = opened.store();
        connection.set(null);
        retryable.set(false);
        mode.set(store.mode());
        storePath.set(store.location().describe());
        error.set(null);
        experiments.attach(store);
        runs.attach(store);
        detail.attach(store);
        RegistryViewModel r = new RegistryViewModel(store, runner, System.getProperty("user.name", "unknown"));
        r.setOnOpenRun(id -> showRuns(List.of(id)));
        r.setOnCompareRuns(this::compare);
        registry.set(r);
        registryPolling = ticker.every(REGISTRY_POLL, this::pollRegistry);
        settings.rememberStore(store.location().describe());
        recentStores.setAll(settings.getRecentStores());
        saveSettings();
        screen.set(opened.empty() ? Screen.WELCOME : Screen.BROWSER);
    }

    /** Closes the open store (the window shows the welcome view without a store). */
    public void closeStore() {
        opens.cancel();
        registryPolling.cancel();
        registryPolling = Cancellable.NONE;
        registry.set(null);
        hparams.set(null);
        drift.set(null);
        monitoring.set(null);
        runsToSelect.clear();
        experiments.detach();
        runs.detach();
        detail.detach();
        TrackingStore old = store;
        store = null;
        connection.set(null);
        mode.set(null);
        storePath.set("");
        title.set("Cairn");
        screen.set(Screen.NO_STORE);
        if (old != null) {
            runner.submit(null, () -> {
                old.close();
                return Boolean.TRUE;
            }, ok -> { }, e -> LOG.warn("closing {} failed", old.location().describe(), e));
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

    /** Opens the import sheet on {@code sources} (files, folders, zips): detect, count, then import. */
    public void importRuns(List<Path> sources) {
        importSheet.offer(sources);
    }

    private void refreshAfterWrite(String message) {
        notice.set(message);
        experiments.reload();
        runs.reload();
        screen.set(Screen.BROWSER);
    }

    private void imported(ImportResult result) {
        if (result.runCount() == 0 && result.failures().isEmpty()) {
            return;
        }
        refreshAfterWrite("Imported: " + result.headline());
        RegistryViewModel r = registry.get();
        if (r != null) {
            r.reload();
        }
        showRuns(result.runIds());
    }

    /** Shows the runs table and asks the window to select {@code ids} (in all experiments) once they are loaded. */
    public void showRuns(List<String> ids) {
        if (store == null) {
            return;
        }
        screen.set(Screen.BROWSER);
        if (ids == null || ids.isEmpty()) {
            return;
        }
        ExperimentItem scope = experiments.selectedProperty().get();
        boolean allLoaded = ids.stream().allMatch(id -> runs.row(id) != null);
        runsToSelect.setAll(ids);
        if (!allLoaded && (scope == null || !scope.isAll())) {
            experiments.items().stream().filter(ExperimentItem::isAll).findFirst()
                    .ifPresent(all -> experiments.selectedProperty().set(all));
        }
    }

    /** The names of the store's registered models, for the Register model dialog. */
    public void loadModelNames(Consumer<List<String>> onLoaded) {
        TrackingStore s = store;
        if (s == null) {
            return;
        }
        runner.submit(null, () -> s.registry().models().stream().map(RegisteredModel::name).toList(), onLoaded,
                failure -> notice.set(UserMessages.of(failure)));
    }

    /** Registers run {@code runId} as the next version of {@code model} (created when new). */
    public void registerModel(String runId, String model, String source) {
        TrackingStore s = store;
        if (s == null) {
            return;
        }
        NewModelVersion spec = NewModelVersion.of(model).fromRun(runId).withSource(source);
        runner.submit("Registering " + model, () -> s.registry().register(spec,
                ChangeOptions.by(System.getProperty("user.name", "unknown"))), v -> {
                    notice.set("Registered " + v.model() + " version " + v.version() + " from run " + runId + ".");
                    RegistryViewModel r = registry.get();
                    if (r != null) {
                        r.reload();
                    }
                }, failure -> notice.set("Cannot register the model: " + UserMessages.of(failure)));
    }

    /** Reads every plugin's status in the background (Help → Plugins). */
    public void loadPlugins(Consumer<List<PluginInfo>> onLoaded) {
        runner.submit("Reading plugins", () -> List.copyOf(services.plugins().get()), onLoaded,
                failure -> notice.set("Cannot list the plugins: " + UserMessages.of(failure)));
    }

    /** Shows the model registry browser (and reads it again). */
    public void showRegistry() {
        RegistryViewModel r = registry.get();
        if (r == null) {
            notice.set("Open a store to see its model registry.");
            return;
        }
        screen.set(Screen.REGISTRY);
        r.reload();
    }

    /**
     * Shows the hyperparameter analysis of the runs in view: the selection when two or more runs are selected,
     * else every run the table holds (the experiment, under the filter).
     */
    public void showHyperparameters() {
        TrackingStore s = store;
        if (s == null) {
            return;
        }
        List<String> ids = runs.selection().size() >= 2
                ? runs.selection().stream().map(dev.cairn.viewer.runs.RunRow::id).toList()
                : runs.tableRuns().stream().map(d -> d.run().id()).toList();
        HparamsViewModel h = new HparamsViewModel(s, runner);
        h.setOnSelectRuns(this::showRuns);
        h.setOnCompare(this::compare);
        h.setRuns(ids);
        hparams.set(h);
        screen.set(Screen.HPARAMS);
    }

    /** View → Hyperparameters: shows them, or goes back to the runs when they are shown. */
    public void toggleHyperparameters() {
        if (screen.get() == Screen.HPARAMS) {
            showRuns(List.of());
        } else {
            showHyperparameters();
        }
    }

    /** True when the app can compute drift reports (the drift view is available). */
    public boolean driftAvailable() {
        return services.drift() != null;
    }

    /** Shows the data-drift view of the registered models (and reads it). */
    public void showDrift() {
        TrackingStore s = store;
        if (s == null || !driftAvailable()) {
            return;
        }
        DriftViewModel d = new DriftViewModel(s, services.drift(), runner);
        drift.set(d);
        screen.set(Screen.DRIFT);
        d.reload();
    }

    /** View → Data drift: shows it, or goes back to the runs when it is shown. */
    public void toggleDrift() {
        if (screen.get() == Screen.DRIFT) {
            showRuns(List.of());
        } else {
            showDrift();
        }
    }

    /** Shows the monitoring view of the registered models (and reads it). */
    public void showMonitoring() {
        TrackingStore s = store;
        if (s == null) {
            return;
        }
        MonitoringViewModel m = new MonitoringViewModel(s, runner, System.getProperty("user.name", "unknown"),
                services.rules());
        monitoring.set(m);
        screen.set(Screen.MONITORING);
        m.reload();
    }

    /** View → Monitoring: shows it, or goes back to the runs when it is shown. */
    public void toggleMonitoring() {
        if (screen.get() == Screen.MONITORING) {
            showRuns(List.of());
        } else {
            showMonitoring();
        }
    }

    /** The monitoring view shown on {@link Screen#MONITORING}; null before it was first shown. */
    public ReadOnlyObjectProperty<MonitoringViewModel> monitoringProperty() {
        return monitoring;
    }

    /** Opens Compare on {@code ids} through the window's handler (the runs table, registry and hparams use it). */
    public void compare(List<String> ids) {
        if (store != null && ids != null && !ids.isEmpty()) {
            compareHandler.accept(List.copyOf(ids));
        }
    }

    /** What opens Compare (the window: a compare window over it). */
    public void setCompareHandler(Consumer<List<String>> handler) {
        this.compareHandler = handler == null ? ids -> { } : handler;
    }

    /** The hyperparameter analysis shown on {@link Screen#HPARAMS}; null before it was first shown. */
    public ReadOnlyObjectProperty<HparamsViewModel> hparamsProperty() {
        return hparams;
    }

    /** The drift view shown on {@link Screen#DRIFT}; null before it was first shown. */
    public ReadOnlyObjectProperty<DriftViewModel> driftProperty() {
        return drift;
    }

    private void pollRegistry() {
        RegistryViewModel r = registry.get();
        if (r != null && screen.get() == Screen.REGISTRY) {
            r.refreshIfChanged();
        }
    }

    /** Closes the store and saves settings; call when the window closes. */
    public void shutdown() {
        closeStore();
        saveSettings();
    }

    /** Uses {@code forced} for this session only (e.g. {@code -Dcairn.theme}); the saved choice stays as it was. */
    public void forceTheme(Theme forced) {
        sessionTheme = true;
        try {
            theme.set(forced);
        } finally {
            sessionTheme = false;
        }
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /**
     * Shows the columns and group-by remembered for {@code scope}; without remembered columns, the defaults (the
     * scope's metrics and differing params, see the runs package's DefaultColumns).
     */
    private void restoreColumns(ExperimentItem scope) {
        String key = columnKey(scope);
        applyingColumns = true;
        try {
            runs.setGroupBy(GroupBy.parse(settings.getGroupBy().get(key)));
            List<String> ids = settings.getColumns().get(key);
            if (ids == null) {
                runs.useDefaultColumns();
                return;
            }
            List<ColumnSpec> specs = new ArrayList<>();
            for (String id : ids) {
                ColumnSpec spec = ColumnSpec.parse(id);
                if (spec != null) {
                    specs.add(spec);
                }
            }
            runs.columns().setAll(specs);
        } finally {
            applyingColumns = false;
        }
    }

    private void rememberColumns() {
        if (applyingColumns || runs.isApplyingDefaultColumns()) {
            return;
        }
        ExperimentItem scope = experiments.selectedProperty().get();
        settings.getColumns().put(columnKey(scope), runs.columns().stream().map(ColumnSpec::id).toList());
        saveSettings();
    }

    private void rememberGroupBy() {
        if (applyingColumns) {
            return;
        }
        String key = columnKey(experiments.selectedProperty().get());
        GroupBy by = runs.groupByProperty().get();
        if (by == null) {
            settings.getGroupBy().remove(key);
        } else {
            settings.getGroupBy().put(key, by.id());
        }
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

    public ViewerSettings settings() {
        return settings;
    }

    public WelcomeActions welcomeActions() {
        return welcomeActions;
    }

    public ShellServices services() {
        return services;
    }

    public ImportSheetViewModel importSheet() {
        return importSheet;
    }

    /** The open store's registry browser; null when no store is open. */
    public ReadOnlyObjectProperty<RegistryViewModel> registryProperty() {
        return registry;
    }

    /** Runs the window should select once the table shows them (then it clears the list). */
    public ObservableList<String> runsToSelect() {
        return runsToSelect;
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

    /** The error screen's title: the store cannot be opened, or its file changed on disk while it was open. */
    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle;
    }

    /**
     * "Connection to db@host lost — retrying" while the open store's server does not answer the background polls;
     * null otherwise.
     */
    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    /** What the status bar says: the latest of the lost connection, the last action's error and a notice. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage;
    }

    /** True when {@link #statusMessageProperty()} is a problem (a lost connection or a failed action). */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem;
    }

    /**
     * The team-store form to show again, with a password field, after opening failed for the password; the window
     * shows it and sets this back to null.
     */
    public ObjectProperty<TeamStoreViewModel> passwordPromptProperty() {
        return passwordPrompt;
    }

    /**
     * True when {@link #retryOpen()} may work: the store could not be opened because its server was unreachable, or
     * its file changed on disk while open.
     */
    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable;
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
