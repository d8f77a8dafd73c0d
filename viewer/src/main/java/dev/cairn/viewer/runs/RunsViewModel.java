package dev.cairn.viewer.runs;

import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.query.RunQuery;
import dev.cairn.viewer.common.BackgroundJob;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Ticker;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The runs table of one experiment scope: rows loaded page-wise in the background, the filter and its error,
 * user-chosen columns, known keys for completion, live updates from the store's change token, and the run
 * actions (rename, tags, note, delete, restore). Plain Java; touched only on the UI thread.
 */
public final class RunsViewModel {
    /** How often live updates poll the store. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(1);

    private final TaskRunner runner;
    private final Ticker ticker;
    private final LatestOnly loads;
    private final LatestOnly keyLoads;

    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selection = FXCollections.observableArrayList();
    private final Map<String, RunRow> byId = new HashMap<>();
    private final ObjectProperty<ExperimentItem> scope = new SimpleObjectProperty<>(this, "scope");
    private final BooleanProperty includeDeleted = new SimpleBooleanProperty(this, "includeDeleted", false);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<FilterError> filterError = new SimpleObjectProperty<>(this, "filterError");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete", false);
    private final IntegerProperty hiddenNewRuns = new SimpleIntegerProperty(this, "hiddenNewRuns", 0);
    private final StringProperty actionError = new SimpleStringProperty(this, "actionError");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly", false);
    private final ObservableList<ColumnSpec> columns = FXCollections.observableArrayList();
    private final ObservableList<String> paramKeys = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> tagKeys = FXCollections.observableArrayList();

    private TrackingStore store;
    private long lastToken = -1;
    private boolean polling;
    private Cancellable live = Cancellable.NONE;
    private Consumer<Collection<String>> onRunsChanged = ids -> { };

    public RunsViewModel(TaskRunner runner, Ticker ticker) {
        this.runner = runner;
        this.ticker = ticker;
        this.loads = new LatestOnly(runner);
        this.keyLoads = new LatestOnly(runner);
    }

    /** Shows the runs of {@code newStore} (all experiments) and starts live updates. */
    public void attach(TrackingStore newStore) {
        detach();
        this.store = newStore;
        readOnly.set(newStore.mode() == StoreMode.READ_ONLY);
        scope.set(null);
        filter.set("");
        reload();
        live = ticker.every(POLL_PERIOD, this::poll);
    }

    /** Forgets the store: stops live updates and clears the table. */
    public void detach() {
        live.cancel();
        live = Cancellable.NONE;
        loads.cancel();
        keyLoads.cancel();
        store = null;
        lastToken = -1;
        polling = false;
        byId.clear();
        rows.clear();
        selection.clear();
        filterError.set(null);
        complete.set(false);
        loading.set(false);
        hiddenNewRuns.set(0);
    }

    /** Limits the table to one experiment (null or "All experiments" = every experiment). */
    public void setScope(ExperimentItem experiment) {
        scope.set(experiment == null || experiment.isAll() ? null : experiment);
        reload();
    }

    public void setIncludeDeleted(boolean include) {
        includeDeleted.set(include);
        reload();
    }

    /** Applies a filter in the store's filter language (blank = none). */
    public void applyFilter(String text) {
        filter.set(text == null ? "" : text.strip());
        reload();
    }

    /** Reads the table again from the store (latest request wins). */
    public void reload() {
        if (store == null) {
            return;
        }
        TrackingStore s = store;
        List<String> experiments = scope.get() == null ? List.of() : List.of(scope.get().name());
        RunQuery first = RunPageLoader.firstQuery(experiments, filter.get(), includeDeleted.get());
        loading.set(true);
        complete.set(false);
        hiddenNewRuns.set(0);
        loads.submit("Loading runs", progress -> {
            long token = s.changeToken();
            return new FirstPage(token, RunPageLoader.load(s, first));
        }, result -> {
            filterError.set(null);
            lastToken = result.token();
            accept(result.page(), true);
        }, this::loadFailed);
        loadKeys();
    }

    private record FirstPage(long token, LoadedPage page) {
    }

    private void loadNext(RunQuery next) {
        TrackingStore s = store;
        loads.submit("Loading more runs", progress -> RunPageLoader.load(s, next), page -> accept(page, false),
                this::loadFailed);
    }

    private void accept(LoadedPage page, boolean first) {
        List<RunRow> fresh = new ArrayList<>(page.runs().size());
        if (first || page.replacing()) {
            byId.clear();
        }
        for (RunDetails d : page.runs()) {
            RunRow row = new RunRow(d);
            if (byId.putIfAbsent(row.id(), row) == null) {
                fresh.add(row);
            }
        }
        if (first || page.replacing()) {
            rows.setAll(fresh);
        } else {
            rows.addAll(fresh);
        }
        mergeTagKeys(page.runs());
        if (page.next() != null) {
            loadNext(page.next());
        } else {
            loading.set(false);
            complete.set(true);
        }
    }

    private void loadFailed(Throwable error) {
        loading.set(false);
        if (!filter.get().isEmpty()) {
            filterError.set(FilterError.from(error));
        } else {
            actionError.set(UserMessages.of(error));
        }
    }

    private void loadKeys() {
        TrackingStore s = store;
        Long experimentId = scope.get() == null ? null : scope.get().id();
        keyLoads.submit(null, progress -> List.of(s.metrics().paramKeys(experimentId),
                s.metrics().keys(experimentId)), keys -> {
                    paramKeys.setAll(keys.get(0));
                    metricKeys.setAll(keys.get(1));
                }, error -> { });
    }

    private void mergeTagKeys(List<RunDetails> runs) {
        TreeSet<String> keys = new TreeSet<>(tagKeys);
        int before = keys.size();
        for (RunDetails d : runs) {
            keys.addAll(d.tags().keySet());
        }
        if (keys.size() != before) {
            tagKeys.setAll(keys);
        }
    }

    /** Looks for changes in the store (called every second; also after each action). */
    public void poll() {
        if (store == null || polling || lastToken < 0) {
            return;
        }
        polling = true;
        TrackingStore s = store;
        long since = lastToken;
        BackgroundJob<RunChanges> job = progress -> {
            long token = s.changeToken();
            if (token == since) {
                return new RunChanges(token, List.of());
            }
            List<String> ids = s.runsChangedSince(since);
            return new RunChanges(token, new ArrayList<>(s.runs().details(ids).values()));
        };
        runner.submit(null, job, changes -> {
            polling = false;
            if (s == store) {
                apply(changes);
            }
        }, error -> polling = false);
    }

    private void apply(RunChanges changes) {
        lastToken = Math.max(lastToken, changes.token());
        if (changes.changed().isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<RunRow> added = new ArrayList<>();
        for (RunDetails d : changes.changed()) {
            ids.add(d.run().id());
            RunRow row = byId.get(d.run().id());
            boolean visible = inScope(d.run());
            if (row != null && visible) {
                row.update(d);
            } else if (row != null) {
                byId.remove(row.id());
                rows.remove(row);
                selection.remove(row);
            } else if (visible && filter.get().isEmpty()) {
                RunRow fresh = new RunRow(d);
                byId.put(fresh.id(), fresh);
                added.add(fresh);
            } else if (visible) {
                hiddenNewRuns.set(hiddenNewRuns.get() + 1);
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(0, added);
        }
        mergeTagKeys(changes.changed());
        onRunsChanged.accept(ids);
    }

    private boolean inScope(Run run) {
        if (!includeDeleted.get() && run.lifecycle() == Lifecycle.DELETED) {
            return false;
        }
        return scope.get() == null || scope.get().id() == run.experimentId();
    }

    // --- actions ---------------------------------------------------------------------------------------------

    public void rename(String id, String name) {
        write("Renaming run", s -> s.runs().rename(id, name == null || name.isBlank() ? null : name.strip()));
    }

    public void setNote(String id, String note) {
        write("Saving note", s -> s.runs().setNote(id, note == null || note.isBlank() ? null : note));
    }

    /** Sets tag {@code key} = {@code value} on every run in {@code ids}. */
    public void setTag(Collection<String> ids, String key, String value) {
        if (key == null || key.isBlank()) {
            actionError.set("A tag needs a name.");
            return;
        }
        List<String> targets = List.copyOf(ids);
        write("Tagging runs", s -> s.transaction(tx -> {
            for (String id : targets) {
                s.runs().setTags(tx, s.runs().requireSeq(tx, id),
                        Map.of(key.strip(), value == null ? "" : value));
            }
        }));
    }

    public void removeTag(String id, String key) {
        write("Removing tag", s -> s.runs().removeTag(id, key));
    }

    /** Soft-deletes runs (restorable). */
    public void delete(Collection<String> ids) {
        List<String> targets = List.copyOf(ids);
        write("Deleting runs", s -> targets.forEach(s.runs()::delete));
    }

    public void restore(Collection<String> ids) {
        List<String> targets = List.copyOf(ids);
        write("Restoring runs", s -> targets.forEach(s.runs()::restore));
    }

    private void write(String label, Consumer<TrackingStore> change) {
        if (store == null) {
            return;
        }
        if (readOnly.get()) {
            actionError.set("The store is open read-only; changes are not possible.");
            return;
        }
        TrackingStore s = store;
        runner.submit(label, progress -> {
            change.accept(s);
            return Boolean.TRUE;
        }, ok -> {
            actionError.set(null);
            poll();
        }, error -> actionError.set(UserMessages.of(error)));
    }

    // --- accessors -------------------------------------------------------------------------------------------

    /** Receives the ids of runs changed in the store (for the detail pane). */
    public void setOnRunsChanged(Consumer<Collection<String>> listener) {
        this.onRunsChanged = listener == null ? ids -> { } : listener;
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The rows selected in the table (the view keeps it in step). */
    public ObservableList<RunRow> selection() {
        return selection;
    }

    /** The row of run {@code id}, or null when it is not in the table. */
    public RunRow row(String id) {
        return byId.get(id);
    }

    public ObservableList<ColumnSpec> columns() {
        return columns;
    }

    public ObservableList<String> paramKeys() {
        return paramKeys;
    }

    public ObservableList<String> metricKeys() {
        return metricKeys;
    }

    public ObservableList<String> tagKeys() {
        return tagKeys;
    }

    public ReadOnlyObjectProperty<ExperimentItem> scopeProperty() {
        return scope;
    }

    public ReadOnlyBooleanProperty includeDeletedProperty() {
        return includeDeleted;
    }

    /** The filter currently applied. */
    public ReadOnlyStringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<FilterError> filterErrorProperty() {
        return filterError;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True once every page of the current query is in {@link #rows()}. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    /** New runs that a live update found but that the active filter may not match (refresh to see them). */
    public ReadOnlyIntegerProperty hiddenNewRunsProperty() {
        return hiddenNewRuns;
    }

    /** The last action's failure, for a message in the window; null when it succeeded. */
    public StringProperty actionErrorProperty() {
        return actionError;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** The store shown, or null. */
    public TrackingStore store() {
        return store;
    }
}
