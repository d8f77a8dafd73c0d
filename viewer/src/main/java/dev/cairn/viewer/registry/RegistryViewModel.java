package dev.cairn.viewer.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelState;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.RegistryNames;
import dev.cairn.store.registry.RollbackPreview;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * State and actions of the registry browser: the models list (with search), the selected model's versions with
 * key metrics, the selected version's detail (history, lineage), and confirmed actions (promote, archive, move
 * back to None, delete a version, set alias, rollback, register: the registry calls the CLI makes) that state what
 * they expect to change from. Plain Java and JavaFX properties; all store work goes through the viewer's one
 * {@link TaskRunner}: loads latest-wins per kind (a newer request drops an older one's result), changes always
 * delivered. Properties are read on the FX thread only, before the
 * work is handed off.
 */
public final class RegistryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryViewModel.class);
    private static final int DEFAULT_METRIC_COLUMNS = 3;

    private final TrackingStore store;
    private final TaskRunner tasks;
    private final LatestOnly modelsLoad;
    private final LatestOnly modelLoad;
    private final LatestOnly detailLoad;
    private final LatestOnly poll;
    /** Kinds of work in flight (latest-wins loads count once each), for {@link #busy()}. */
    private final Map<Object, Integer> inFlight = new java.util.HashMap<>();
    private final StringProperty user;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ModelItem> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelItem> selectedModel = new SimpleObjectProperty<>();
    private final ObjectProperty<RegisteredModel> model = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelState> state = new SimpleObjectProperty<>();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<ModelEvent> modelHistory = FXCollections.observableArrayList();
    private final ObservableList<String> metricColumns = FXCollections.observableArrayList();
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>();
    private final ObjectProperty<VersionDetail> detail = new SimpleObjectProperty<>();
    private final ObjectProperty<PendingAction> pending = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Consumer<String> onOpenRun = id -> { };
    private Consumer<List<String>> onCompareRuns = ids -> { };
    private RollbackPreview pendingRollback;
    private long seenChangeToken = Long.MIN_VALUE;
    private List<String> chosenMetrics;
    private boolean keepingSelection;
    private boolean replacingHistory;

    public RegistryViewModel(TrackingStore store, TaskRunner tasks, String user) {
        this.store = Objects.requireNonNull(store);
        this.tasks = Objects.requireNonNull(tasks);
        this.modelsLoad = new LatestOnly(tasks);
        this.modelLoad = new LatestOnly(tasks);
        this.detailLoad = new LatestOnly(tasks);
        this.poll = new LatestOnly(tasks);
        this.user = new SimpleStringProperty(user);
        search.addListener((obs, was, now) -> reload());
        selectedModel.addListener((obs, was, now) -> {
            if (!keepingSelection) {
                loadModel(now == null ? null : now.name(), null);
            }
        });
        selectedVersion.addListener((obs, was, now) -> loadDetail(now));
    }

    // ---- properties

    public StringProperty search() {
        return search;
    }

    public ObservableList<ModelItem> models() {
        return models;
    }

    public ObjectProperty<ModelItem> selectedModel() {
        return selectedModel;
    }

    /** The selected model, as last loaded. */
    public ObjectProperty<RegisteredModel> model() {
        return model;
    }

    /** The stages and aliases shown: what actions expect to change from. */
    public ObjectProperty<ModelState> state() {
        return state;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    /**
     * The selected model's whole history, newest first: every version's events, including those of versions deleted
     * since (which the versions table no longer lists).
     */
    public ObservableList<ModelEvent> modelHistory() {
        return modelHistory;
    }

    /** The key metrics shown as columns (the promotion rule's metric first, then the first others). */
    public ObservableList<String> metricColumns() {
        return metricColumns;
    }

    public ObjectProperty<VersionRow> selectedVersion() {
        return selectedVersion;
    }

    public ObjectProperty<VersionDetail> detail() {
        return detail;
    }

    /** The action awaiting confirmation, or null. */
    public ObjectProperty<PendingAction> pending() {
        return pending;
    }

    /** The last outcome or error, for a message line. */
    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Who actions are recorded as. */
    public StringProperty user() {
        return user;
    }

    /** Called with a run id when the user opens a version's source run. */
    public void setOnOpenRun(Consumer<String> handler) {
        onOpenRun = Objects.requireNonNull(handler);
    }

    /** Called with run ids when the user compares versions. */
    public void setOnCompareRuns(Consumer<List<String>> handler) {
        onCompareRuns = Objects.requireNonNull(handler);
    }

    /** Chooses the metric columns (null restores the default choice). */
    public void chooseMetricColumns(List<String> keys) {
        chosenMetrics = keys == null ? null : List.copyOf(keys);
        reloadModel();
    }

    // ---- loading

    /** Reloads the models list (filtered by the search) and the selected model. */
    public void reload() {
        String filter = search.get();
        String keep = selectedModel.get() == null ? null : selectedModel.get().name();
        background(modelsLoad, () -> {
            long token = store.changeToken();
            ModelRegistry r = store.registry();
            List<ModelItem> items = new ArrayList<>();
            for (RegisteredModel m : r.models(filter)) {
                items.add(item(m, r.versions(m.name())));
            }
            return Map.entry(token, items);
        }, loaded -> {
            seenChangeToken = loaded.getKey(); // on the FX thread, like every other field of this class
            List<ModelItem> items = loaded.getValue();
            models.setAll(items);
            ModelItem again = items.stream().filter(i -> i.name().equals(keep)).findFirst()
                    .orElse(items.isEmpty() ? null : items.get(0));
            if (again != null && selectedModel.get() != null && again.name().equals(selectedModel.get().name())) {
                keepingSelection = true;
                selectedModel.set(again);
                keepingSelection = false;
                reloadModel();
            } else {
                selectedModel.set(again);
            }
        });
    }

    /** Reloads when the store changed since the last load (from this or another process); cheap to poll. */
    public void refreshIfChanged() {
        background(poll, store::changeToken, token -> {
            if (token != seenChangeToken && pending.get() == null) {
                reload();
            }
        });
    }

    private void reloadModel() {
        ModelItem m = selectedModel.get();
        loadModel(m == null ? null : m.name(), selectedVersion.get() == null ? null : selectedVersion.get().number());
    }

    private void loadModel(String name, Integer keepVersion) {
        if (name == null) {
            modelLoad.cancel();
            model.set(null);
            state.set(null);
            versions.clear();
            replacingHistory = true;
            modelHistory.clear();
            replacingHistory = false;
            selectedVersion.set(null);
            return;
        }
        List<String> chosen = chosenMetrics;
        background(modelLoad, () -> loadVersions(name, chosen), loaded -> {
            // a reload of the model on screen keeps the version selected now, not the one selected when it started
            RegisteredModel shown = model.get();
            VersionRow selectedNow = selectedVersion.get();
            Integer keep = shown != null && shown.name().equals(name) && selectedNow != null
                    ? Integer.valueOf(selectedNow.number()) : keepVersion;
            model.set(loaded.model);
            state.set(loaded.state);
            if (!metricColumns.equals(loaded.metricKeys)) {
                metricColumns.setAll(loaded.metricKeys);
            }
            versions.setAll(loaded.rows);
            replacingHistory = true; // a history table's selection moving with the new rows is no user's choice
            try {
                modelHistory.setAll(loaded.history);
            } finally {
                replacingHistory = false;
            }
            VersionRow select = loaded.rows.stream().filter(r -> keep != null && r.number() == keep)
                    .findFirst().orElse(loaded.rows.isEmpty() ? null : loaded.rows.get(loaded.rows.size() - 1));
            selectedVersion.set(null);
            selectedVersion.set(select);
        });
    }

    private record Loaded(RegisteredModel model, ModelState state, List<String> metricKeys, List<VersionRow> rows,
                          List<ModelEvent> history) {
    }

    private Loaded loadVersions(String name, List<String> chosen) {
        ModelRegistry r = store.registry();
        RegisteredModel m = r.requireModel(name);
        List<ModelVersion> vs = r.versions(name);
        List<String> runIds = vs.stream().map(ModelVersion::runId).filter(Objects::nonNull).distinct().toList();
        Map<String, RunDetails> details = store.runs().details(runIds);
        List<String> keys = chosen != null ? chosen : defaultMetrics(m, details);
        List<VersionRow> rows = new ArrayList<>();
        for (ModelVersion v : vs) {
            RunDetails d = v.runId() == null ? null : details.get(v.runId());
            Map<String, Double> values = new LinkedHashMap<>();
            for (String k : keys) {
                MetricSummary s = d == null ? null : d.metrics().get(k);
                values.put(k, s == null ? null : s.last());
            }
            rows.add(new VersionRow(v, d == null ? null : d.run().name(), values));
        }
        List<ModelEvent> history = new ArrayList<>(r.history(name));
        java.util.Collections.reverse(history);
        return new Loaded(m, r.state(name), keys, rows, history);
    }

    private static List<String> defaultMetrics(RegisteredModel m, Map<String, RunDetails> details) {
        Set<String> all = new TreeSet<>();
        details.values().forEach(d -> all.addAll(d.metrics().keySet()));
        List<String> out = new ArrayList<>();
        if (m.rule() != null) {
            out.add(m.rule().metric());
        }
        for (String k : all) {
            if (out.size() >= DEFAULT_METRIC_COLUMNS) {
                break;
            }
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private void loadDetail(VersionRow row) {
        if (row == null) {
            detailLoad.cancel();
            detail.set(null);
            return;
        }
        ModelVersion v = row.version();
        background(detailLoad, () -> {
            List<ModelEvent> history = new ArrayList<>(store.registry().history(v.model(), v.version()));
            java.util.Collections.reverse(history);
            Run run = v.runId() == null ? null : store.runs().get(v.runId()).orElse(null);
            List<DatasetInput> inputs = run == null ? List.of() : store.runs().inputs(run.id());
            Run parent = run == null || run.parentId() == null ? null : store.runs().get(run.parentId()).orElse(null);
            return new VersionDetail(store.registry().version(v.model(), v.version()), history, run, inputs, parent);
        }, detail::set);
    }

    /**
     * Selects the version a history event is about, when it is still listed; says so when it was deleted. Ignored
     * while the history is being replaced by a reload.
     */
    public void selectVersionOf(ModelEvent event) {
        if (event == null || event.version() == null || replacingHistory) {
            return;
        }
        versions.stream().filter(r -> r.number() == event.version()).findFirst().ifPresentOrElse(selectedVersion::set,
                () -> message.set("Version " + event.version() + " was deleted; its events stay in the history."));
    }

    // ---- actions

    /** Asks to promote the selected version to {@code stage}. */
    public void startPromote(Stage stage) {
        VersionRow row = selectedVersion.get();
        ModelState s = state.get();
        if (row == null || s == null) {
            return;
        }
        int v = row.number();
        boolean ruled = stage == Stage.PRODUCTION && model.get() != null && model.get().rule() != null;
        PendingAction a = new PendingAction(PendingAction.Kind.PROMOTE, "Promote version " + v + " to "
                + stage.label(), s.model(), v, stage, !s.holders(stage).isEmpty(), ruled, false, null);
        a.archiveExisting().addListener((obs, was, now) -> describe(a));
        if (s.stageOf(v) == stage) {
            a.problem().set("Version " + v + " is already " + stage.label() + ".");
        }
        describe(a);
        pending.set(a);
    }

    /** Asks to archive the selected version. */
    public void startArchive() {
        startOnSelected(PendingAction.Kind.ARCHIVE, "Archive version %d", Stage.ARCHIVED,
                "Version %d is already Archived.");
    }

    /** Asks to move the selected version back to stage None (out of Staging, Production or Archived). */
    public void startUnstage() {
        startOnSelected(PendingAction.Kind.UNSTAGE, "Move version %d to None", Stage.NONE,
                "Version %d is already in None.");
    }

    /** Asks to delete the selected version (its aliases go with it; its events stay in the history). */
    public void startDelete() {
        startOnSelected(PendingAction.Kind.DELETE, "Delete version %d", null, null);
    }

    /**
     * Asks to confirm {@code kind} on the selected version: to {@code stage} (null for a deletion), refused with
     * {@code already} when the version is in that stage now. {@code %d} in the texts is the version.
     */
    private void startOnSelected(PendingAction.Kind kind, String title, Stage stage, String already) {
        VersionRow row = selectedVersion.get();
        ModelState s = state.get();
        if (row == null || s == null) {
            return;
        }
        int v = row.number();
        PendingAction a = new PendingAction(kind, String.format(java.util.Locale.ROOT, title, v), s.model(), v,
                stage, false, false, false, null);
        if (stage != null && s.stageOf(v) == stage) {
            a.problem().set(String.format(java.util.Locale.ROOT, already, v));
        }
        describe(a);
        pending.set(a);
    }

    /** Asks to point an alias (typed in the confirmation) at the selected version. */
    public void startSetAlias() {
        VersionRow row = selectedVersion.get();
        ModelState s = state.get();
        if (row == null || s == null) {
            return;
        }
        PendingAction a = new PendingAction(PendingAction.Kind.SET_ALIAS, "Set an alias on version " + row.number(),
                s.model(), row.number(), null, false, false, true, null);
        a.alias().addListener((obs, was, now) -> describe(a));
        describe(a);
        pending.set(a);
    }

    /** Asks to roll {@code stage} back (the preview is read from the history first). */
    public void startRollback(Stage stage) {
        ModelState s = state.get();
        if (s == null) {
            return;
        }
        background(() -> store.registry().previewRollback(s.model(), stage), preview -> {
            pendingRollback = preview;
            PendingAction a = new PendingAction(PendingAction.Kind.ROLLBACK, "Roll back " + stage.label(),
                    s.model(), preview.currentVersion(), stage, false, false, false, null);
            describe(a);
            pending.set(a);
        });
    }

    /** Asks to roll {@code alias} back. */
    public void startRollbackAlias(String alias) {
        ModelState s = state.get();
        if (s == null) {
            return;
        }
        background(() -> store.registry().previewAliasRollback(s.model(), alias), preview -> {
            pendingRollback = preview;
            PendingAction a = new PendingAction(PendingAction.Kind.ROLLBACK_ALIAS, "Roll back alias '" + alias + "'",
                    s.model(), preview.currentVersion(), null, false, false, false, null);
            a.alias().set(alias);
            describe(a);
            pending.set(a);
        });
    }

    /** Asks to register run {@code runId} as a new version of {@code modelName} (from run tables and details). */
    public void startRegister(String runId, String modelName) {
        background(() -> store.registry().model(modelName).map(m -> store.registry().versions(modelName).size())
                .orElse(-1), count -> {
            PendingAction a = new PendingAction(PendingAction.Kind.REGISTER, "Register a model version",
                    modelName, count < 0 ? 1 : count + 1, null, false, false, false, runId);
            if (count < 0) {
                a.changes().add("New model '" + modelName + "'");
            }
            a.changes().add("Version " + a.version() + " of " + modelName + " from run " + runId
                    + " (source runs:/" + runId + "/model)");
            try {
                RegistryNames.requireValidModelName(modelName);
            } catch (IllegalArgumentException e) {
                a.problem().set(e.getMessage());
            }
            pending.set(a);
        });
    }

    /** Drops the pending action. */
    public void cancel() {
        pending.set(null);
    }

    /** Runs the pending action, expecting the state shown; on success reloads, on refusal says why. */
    public void confirm() {
        PendingAction a = pending.get();
        ModelState s = state.get();
        if (a == null || !a.problem().get().isEmpty()) {
            return;
        }
        ChangeOptions options = ChangeOptions.by(user.get()).withComment(a.comment().get())
                .withArchiveExisting(a.archiveExisting().get() && a.archiveOffered()).withForce(a.force().get());
        RollbackPreview preview = pendingRollback;
        String alias = a.alias().get() == null ? null : a.alias().get().strip(); // read here, on the FX thread
        background(() -> perform(a, alias, s, preview, options), summary -> {
            pending.set(null);
            message.set(summary);
            reload();
        });
    }

    private String perform(PendingAction a, String alias, ModelState s, RollbackPreview preview,
                           ChangeOptions options) {
        ModelRegistry r = store.registry();
        String m = a.model();
        List<ModelEvent> events = switch (a.kind()) {
            case PROMOTE -> r.promote(m, a.version(), a.stage(), Expectation.versionIn(a.version(),
                    s.stageOf(a.version())).and(Expectation.stageHeldBy(a.stage(), ints(s.holders(a.stage())))),
                    options);
            case ARCHIVE -> r.archive(m, a.version(), Expectation.versionIn(a.version(), s.stageOf(a.version())),
                    options);
            case UNSTAGE -> r.unstage(m, a.version(), Expectation.versionIn(a.version(), s.stageOf(a.version())),
                    options);
            case DELETE -> r.deleteVersion(m, a.version(), Expectation.versionIn(a.version(),
                    s.stageOf(a.version())), options);
            case SET_ALIAS -> r.setAlias(m, alias, a.version(), Expectation.aliasAt(alias, s.aliasTarget(alias)),
                    options);
            case ROLLBACK -> List.of(r.rollback(m, a.stage(), Expectation.versionIn(preview.currentVersion(),
                    a.stage()), options).event());
            case ROLLBACK_ALIAS -> List.of(r.rollbackAlias(m, alias, Expectation.aliasAt(alias,
                    preview.currentVersion()), options).event());
            case REGISTER -> {
                ModelVersion v = r.register(NewModelVersion.of(m).fromRun(a.runId()), options);
                yield r.history(m, v.version());
            }
        };
        if (events.isEmpty()) {
            return "";
        }
        // a deletion records its alias removals first: the deletion itself is what it did
        ModelEvent main = a.kind() == PendingAction.Kind.DELETE ? events.get(events.size() - 1) : events.get(0);
        return main.describe() + (events.size() > 1 ? " (+" + (events.size() - 1) + " more)" : "");
    }

    private static int[] ints(Set<Integer> set) {
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Saves the selected version's description. */
    public void saveDescription(String text) {
        VersionRow row = selectedVersion.get();
        if (row == null) {
            return;
        }
        String value = text == null || text.isBlank() ? null : text;
        background(() -> {
            store.registry().setVersionDescription(row.version().model(), row.number(), value);
            return row.number();
        }, v -> {
            message.set("Saved the description of version " + v + ".");
            loadDetail(selectedVersion.get());
        });
    }

    /** Opens the selected version's source run. */
    public void openSourceRun(VersionRow row) {
        if (row != null && row.version().runId() != null) {
            onOpenRun.accept(row.version().runId());
        }
    }

    /** Opens the compare view on the source runs of {@code rows}. */
    public void compare(List<VersionRow> rows) {
        List<String> ids = rows.stream().map(r -> r.version().runId()).filter(Objects::nonNull).distinct().toList();
        if (ids.size() < 2) {
            message.set("Choose two or more versions with source runs to compare.");
            return;
        }
        onCompareRuns.accept(ids);
    }

    // ---- helpers

    private void describe(PendingAction a) {
        ModelState s = state.get();
        List<String> lines = new ArrayList<>();
        switch (a.kind()) {
            case PROMOTE -> {
                lines.add("Version " + a.version() + ": " + s.stageOf(a.version()).label() + " \u2192 "
                        + a.stage().label());
                for (int other : s.holders(a.stage())) {
                    lines.add(a.archiveExisting().get() ? "Version " + other + ": " + a.stage().label()
                            + " \u2192 Archived" : "Version " + other + " stays in " + a.stage().label());
                }
                if (a.forceOffered()) {
                    lines.add("Checked against the promotion rule: " + model.get().rule());
                }
            }
            case ARCHIVE -> lines.add("Version " + a.version() + ": " + s.stageOf(a.version()).label()
                    + " \u2192 Archived");
            case UNSTAGE -> {
                Stage from = s.stageOf(a.version());
                lines.add("Version " + a.version() + ": " + from.label() + " \u2192 None");
                if (from.isPromotable() && s.holders(from).size() == 1) {
                    lines.add("No version will be in " + from.label() + (from == Stage.PRODUCTION
                            ? ": nothing is live" : ""));
                }
            }
            case DELETE -> {
                int v = a.version();
                Stage from = s.stageOf(v);
                boolean alone = s.holders(from).size() == 1;
                lines.add("Version " + v + " (" + from.label() + ") is deleted; its number is not reused");
                if (from == Stage.PRODUCTION) {
                    lines.add("It is live in Production" + (alone ? ": no version will be in Production" : ""));
                } else if (from == Stage.STAGING && alone) {
                    lines.add("No version will be in Staging");
                }
                s.aliases().forEach((alias, target) -> {
                    if (target == v) {
                        lines.add("Alias '" + alias + "' is removed");
                    }
                });
                lines.add("Its events stay in the model history; rollbacks skip it");
            }
            case SET_ALIAS -> {
                String alias = a.alias().get() == null ? "" : a.alias().get().strip();
                try {
                    RegistryNames.requireValidAlias(alias);
                    Integer from = s.aliasTarget(alias);
                    a.problem().set(from != null && from == a.version()
                            ? "Alias '" + alias + "' already points at version " + a.version() + "." : "");
                    lines.add("Alias '" + alias + "': " + (from == null ? "(new)" : "version " + from)
                            + " \u2192 version " + a.version());
                } catch (IllegalArgumentException e) {
                    a.problem().set(e.getMessage());
                }
            }
            case ROLLBACK -> {
                RollbackPreview p = pendingRollback;
                lines.add(a.stage().label() + ": version " + p.currentVersion() + " \u2192 version "
                        + p.previousVersion());
                lines.add("Version " + p.currentVersion() + ": " + a.stage().label() + " \u2192 Archived");
                lines.add("Version " + p.previousVersion() + ": " + p.previousStage().label() + " \u2192 "
                        + a.stage().label());
            }
            case ROLLBACK_ALIAS -> {
                RollbackPreview p = pendingRollback;
                lines.add("Alias '" + a.alias().get() + "': version " + p.currentVersion() + " \u2192 version "
                        + p.previousVersion());
            }
            case REGISTER -> {
                return;
            }
        }
        a.changes().setAll(lines);
    }

    private static ModelItem item(RegisteredModel m, List<ModelVersion> vs) {
        String production = String.join(", ", vs.stream().filter(v -> v.stage() == Stage.PRODUCTION)
                .map(v -> "v" + v.version()).toList());
        List<String> aliases = new ArrayList<>();
        vs.forEach(v -> v.aliases().forEach(a -> aliases.add(a + " \u2192 v" + v.version())));
        return new ModelItem(m.name(), vs.size(), production, aliases);
    }

    /** A change or a one-off read: always delivered. */
    private <T> void background(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess) {
        Object kind = new Object();
        started(kind);
        tasks.submit("Registry", work, result -> {
            ended(kind);
            onSuccess.accept(result);
        }, failure -> {
            ended(kind);
            failed(failure);
        });
    }

    /** A load of one kind: a newer request drops the older one's result. */
    private <T> void background(LatestOnly kind, java.util.concurrent.Callable<T> work, Consumer<T> onSuccess) {
        started(kind);
        kind.submit(kind == poll ? null : "Registry", progress -> work.call(), result -> {
            ended(kind);
            onSuccess.accept(result);
        }, failure -> {
            ended(kind);
            failed(failure);
        });
    }

    private void started(Object kind) {
        inFlight.put(kind, 1); // a latest-wins kind counts once, however often it was resubmitted
        busy.set(true);
    }

    private void ended(Object kind) {
        inFlight.remove(kind);
        busy.set(!inFlight.isEmpty());
    }

    private void failed(Throwable failure) {
        if (failure instanceof RuntimeException && failure.getMessage() != null
                && (failure instanceof dev.cairn.store.model.StoreException
                || failure instanceof IllegalArgumentException)) {
            LOG.warn("registry: {}", failure.getMessage());
            message.set(failure.getMessage());
        } else {
            LOG.warn("registry work failed", failure);
            message.set("Something went wrong: " + failure);
        }
    }
}
