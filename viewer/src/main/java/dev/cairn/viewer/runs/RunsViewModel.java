package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.StoreMode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.query.RunQuery;
import dev.cairn.viewer.common.BackgroundJob;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.StoreFailures;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The runs table of one experiment scope: rows loaded page-wise in the background, the filter and its error,
 * user-chosen columns, known keys for completion, live updates from the store's change token, and the run
 * actions (rename, tags, note, delete, restore). {@link #rows()} holds every loaded run in the store's order;
 * {@link #visibleRows()} is what the table shows: child runs under their parent (unless collapsed), optional groups by a param or
 * tag, siblings in the chosen sort order (see {@link RunTree}). Plain Java; touched only on the UI thread.
 */
public final class RunsViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunsViewModel.class);
    /** How often live updates poll the store. */
    public static final Duration POLL_PERIOD = Duration.ofSeconds(1);
    /** Above this many changed rows the table gets one replacement instead of a removal plus an insertion. */
    private static final int LARGE_CHANGE = 1000;
    /**
     * Pages are read ahead in the background until the table holds this many runs; further pages only when the
     * table is scrolled near its end ({@link #loadMore()}), so a 100,000-run store does not sit in the heap.
     */
    public static final int EAGER_ROWS = 5_100;

    private final TaskRunner runner;
    private final Ticker ticker;
    private final LatestOnly loads;
    private final LatestOnly keyLoads;
    private final LatestOnly counts;

    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> visibleRows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selection = FXCollections.observableArrayList();
    private final RunTree tree = new RunTree();
    private final Set<String> collapsedRuns = new HashSet<>();
    private final Set<String> collapsedGroups = new HashSet<>();
    private final Map<String, GroupBy> groupByScope = new HashMap<>();
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy");
    private List<SortKey> sort = List.of();
    private int readAhead = EAGER_ROWS;
    /** The store's order-by clauses of the current query (empty = newest first). */
    private List<String> storeOrder = List.of();
    /** The next page of the current query, read when the table is scrolled near its end; null when none. */
    private RunQuery pendingNext;
    /** The read-ahead's next page of a first page, read once that page's rows are shown; null when none. */
    private RunQuery pendingReadAhead;
    private final Map<String, RunRow> byId = new HashMap<>();
    private final ObjectProperty<ExperimentItem> scope = new SimpleObjectProperty<>(this, "scope");
    private final BooleanProperty includeDeleted = new SimpleBooleanProperty(this, "includeDeleted", false);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<FilterError> filterError = new SimpleObjectProperty<>(this, "filterError");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete", false);
    private final IntegerProperty hiddenNewRuns = new SimpleIntegerProperty(this, "hiddenNewRuns", 0);
    private final javafx.beans.property.LongProperty matchingRuns =
            new javafx.beans.property.SimpleLongProperty(this, "matchingRuns", 0);
    private final StringProperty actionError = new SimpleStringProperty(this, "actionError");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly", false);
    private final BooleanProperty registerModelAvailable = new SimpleBooleanProperty(this, "registerModel", false);
    private final BooleanProperty compareAvailable = new SimpleBooleanProperty(this, "compare", false);
    private final ObservableList<ColumnSpec> columns = FXCollections.observableArrayList();
    private final ObservableList<String> paramKeys = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> tagKeys = FXCollections.observableArrayList();

    private TrackingStore store;
    private long lastToken = -1;
    private boolean polling;
    /** A load failed because the server was unreachable: read the table again once it answers. */
    private boolean reloadWhenReachable;
    /** The last poll or load found the server unreachable. */
    private boolean unreachable;
    /** The action error shown was an unreachable server's: cleared when the server answers again after an outage. */
    private boolean outageError;
    private Cancellable live = Cancellable.NONE;
    private Consumer<Collection<String>> onRunsChanged = ids -> { };
    private Consumer<Throwable> onRefreshFailed = RunsViewModel::logRefreshFailure;
    private Runnable onRefreshed = () -> { };
    private Consumer<List<String>> onRegisterModel;
    private Consumer<List<String>> onCompare;
    private Consumer<Runnable> aroundRowChanges = Runnable::run;
    /** Runs the follow-up reads of a first page (count, read-ahead) once its rows are on screen; see setter. */
    private Consumer<Runnable> afterFirstRowsShown = Runnable::run;
    /** Counts queries started by {@link #loadRows()}, so follow-up work of an older query is dropped. */
    private long queryGeneration;
    /** What the last count counted (scope, filter, deleted, store change token) and its result: a sort reuses it. */
    private String countedFor;
    private long countedRuns;
    /** The scope has no chosen columns: the defaults are set from the first rows loaded. */
    private boolean defaultColumnsPending;
    private boolean applyingDefaultColumns;
    private int defaultColumnLimit = 8;

    public RunsViewModel(TaskRunner runner, Ticker ticker) {
        this.runner = runner;
        this.ticker = ticker;
        this.loads = new LatestOnly(runner);
        this.keyLoads = new LatestOnly(runner);
        this.counts = new LatestOnly(runner);
        columns.addListener((javafx.collections.ListChangeListener<ColumnSpec>) c -> {
            if (!applyingDefaultColumns) {
                defaultColumnsPending = false;
            }
        });
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
        counts.cancel();
        store = null;
        lastToken = -1;
        polling = false;
        reloadWhenReachable = false;
        unreachable = false;
        outageError = false;
        byId.clear();
        rows.clear();
        collapsedRuns.clear();
        collapsedGroups.clear();
        rebuild();
        selection.clear();
        filterError.set(null);
        complete.set(false);
        loading.set(false);
        hiddenNewRuns.set(0);
        matchingRuns.set(0);
        pendingNext = null;
        pendingReadAhead = null;
        queryGeneration++;
        countedFor = null;
        storeOrder = List.of();
    }

    /** Limits the table to one experiment (null or "All experiments" = every experiment). */
    public void setScope(ExperimentItem experiment) {
        scope.set(experiment == null || experiment.isAll() ? null : experiment);
        groupBy.set(groupByScope.get(scopeKey()));
        reload();
    }

    public void setIncludeDeleted(boolean include) {
        includeDeleted.set(include);
        reload();
    }

    /** Applies a filter in the store's filter language (blank = none). */
    public void applyFilter(String text) {
        filter.set(text == null ? "" : text.strip());
        loadRows();
    }

    /** Reads the table and the known keys again from the store (latest request wins). */
    public void reload() {
        loadRows();
        if (store != null) {
            loadKeys();
        }
    }

    /** Reads the rows (not the keys, which a filter does not change). */
    private void loadRows() {
        if (store == null) {
            return;
        }
        TrackingStore s = store;
        List<String> experiments = scope.get() == null ? List.of() : List.of(scope.get().name());
        RunQuery first = RunPageLoader.firstQuery(experiments, filter.get(), includeDeleted.get())
                .orderedBy(storeOrder);
        loading.set(true);
        complete.set(false);
        hiddenNewRuns.set(0);
        pendingNext = null;
        pendingReadAhead = null;
        counts.cancel();
        long generation = ++queryGeneration;
        loads.submit("Loading runs", progress -> {
            long token = s.changeToken();
            return new FirstPage(token, RunPageLoader.load(s, first));
        }, result -> {
            filterError.set(null);
            reloadWhenReachable = false;
            lastToken = result.token();
            String countKey = first.experiments() + "\n" + first.filter() + "\n" + first.includeDeleted() + "\n"
                    + result.token();
            // a new order of the same runs matches as many as before: the count is not read again
            boolean counted = countKey.equals(countedFor);
            matchingRuns.set(counted ? countedRuns : result.page().runs().size());
            reachable();
            accept(result.page(), true);
            if (result.page().next() != null) {
                // counting scans every match, and the read-ahead reads thousands of runs: both start once the
                // first rows are on screen, so they do not compete with the table's first layout for the CPU
                afterFirstRowsShown.accept(() -> {
                    if (generation != queryGeneration || s != store) {
                        return;
                    }
                    if (!counted) {
                        counts.submit(null, progress -> s.search().count(first), n -> {
                            countedFor = countKey;
                            countedRuns = n;
                            matchingRuns.set(n);
                        }, e -> LOG.warn("cannot count the matching runs: {}", UserMessages.of(e)));
                    }
                    if (pendingReadAhead != null) {
                        RunQuery next = pendingReadAhead;
                        pendingReadAhead = null;
                        loadNext(next);
                    }
                });
            }
        }, this::loadFailed);
    }

    /**
     * How the follow-up reads of a first page wait for its rows to be shown: the view passes a scheduler that runs
     * them after the next layout pulse. Default: at once (view-model tests, no window).
     */
    public void setAfterFirstRowsShown(Consumer<Runnable> scheduler) {
        this.afterFirstRowsShown = scheduler == null ? Runnable::run : scheduler;
    }

    private record FirstPage(long token, LoadedPage page) {
    }

    /**
     * Reads the next page when the table holds only part of the matching runs (the view calls it when the last
     * rows come into view); no-op while a page is being read or when every run is in.
     */
    public void loadMore() {
        if (pendingNext == null || store == null) {
            return;
        }
        RunQuery next = pendingNext;
        pendingNext = null;
        loading.set(true);
        loadNext(next);
    }

    /** How many runs are read ahead before further pages wait for {@link #loadMore()} (default {@link #EAGER_ROWS}). */
    public void setReadAhead(int runs) {
        this.readAhead = Math.max(1, runs);
    }

    /** The current query without page token (scope, filter, order): for exports of the whole table. */
    public RunQuery query() {
        List<String> experiments = scope.get() == null ? List.of() : List.of(scope.get().name());
        return RunPageLoader.firstQuery(experiments, filter.get(), includeDeleted.get()).orderedBy(storeOrder);
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
        rebuild();
        mergeTagKeys(page.runs());
        if (defaultColumnsPending && !rows.isEmpty()) {
            applyDefaultColumns();
        }
        if (page.next() != null && rows.size() < readAhead && first) {
            pendingReadAhead = page.next();
        } else if (page.next() != null && rows.size() < readAhead) {
            loadNext(page.next());
        } else if (page.next() != null) {
            pendingNext = page.next();
            loading.set(false);
        } else {
            loading.set(false);
            complete.set(true);
            matchingRuns.set(Math.max(matchingRuns.get(), rows.size()));
        }
    }

    private void loadFailed(Throwable error) {
        loading.set(false);
        if (StoreFailures.unavailable(error)) {
            // not the filter's fault: the shell says the connection is lost; the table is read when it is back
            reloadWhenReachable = true;
            unreachable = true;
            onRefreshFailed.accept(error);
        } else if (!filter.get().isEmpty()) {
            filterError.set(FilterError.from(error));
        } else {
            actionError.set(UserMessages.of(error));
        }
    }

    private void showActionError(Throwable error) {
        actionError.set(UserMessages.of(error));
        outageError = StoreFailures.unavailable(error);
    }

    /** The store answered: after an outage, an action error that was only the outage goes away. */
    private void reachable() {
        if (unreachable) {
            unreachable = false;
            if (outageError) {
                outageError = false;
                actionError.set(null);
            }
        }
        onRefreshed.run();
    }

    /** Keys unreadable: an outage goes to the shell's connection line, anything else is said; never silent. */
    private void keysFailed(Throwable error) {
        if (StoreFailures.unavailable(error)) {
            unreachable = true;
            onRefreshFailed.accept(error);
        } else {
            showActionError(error);
        }
    }

    private static void logRefreshFailure(Throwable error) {
        LOG.warn("could not look for changes in the store: {}", error.toString());
    }

    private void loadKeys() {
        TrackingStore s = store;
        Long experimentId = scope.get() == null ? null : scope.get().id();
        keyLoads.submit(null, progress -> List.of(s.metrics().paramKeys(experimentId),
                s.metrics().keys(experimentId)), keys -> {
                    paramKeys.setAll(keys.get(0));
                    metricKeys.setAll(keys.get(1));
                }, this::keysFailed);
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

    /**
     * Looks for changes in the store (called every second; also after each action). Each poll reports to
     * {@link #setOnRefreshFailed} or {@link #setOnRefreshed}, so an unreachable server is noticed and its return too;
     * a table whose load failed that way is read again once the server answers.
     */
    public void poll() {
        if (store == null || polling || (lastToken < 0 && !reloadWhenReachable)) {
            return;
        }
        polling = true;
        TrackingStore s = store;
        long since = lastToken;
        BackgroundJob<RunChanges> job = progress -> {
            long token = s.changeToken();
            if (token == since || since < 0) {
                return new RunChanges(token, List.of());
            }
            List<String> ids = s.runsChangedSince(since);
            return new RunChanges(token, new ArrayList<>(s.runs().details(ids).values()));
        };
        runner.submit(null, job, changes -> {
            polling = false;
            if (s != store) {
                return;
            }
            reachable();
            if (reloadWhenReachable) {
                reloadWhenReachable = false;
                reload();
            } else {
                apply(changes);
            }
        }, error -> {
            polling = false;
            if (s == store) {
                unreachable |= StoreFailures.unavailable(error);
                onRefreshFailed.accept(error);
            }
        });
    }

    private void apply(RunChanges changes) {
        lastToken = Math.max(lastToken, changes.token());
        if (changes.changed().isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<RunRow> added = new ArrayList<>();
        boolean structureChanged = !sort.isEmpty() || groupBy.get() != null;
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
                structureChanged = true;
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
            structureChanged = true;
        }
        if (structureChanged) {
            rebuild();
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

    // --- default columns --------------------------------------------------------------------------------------

    /**
     * Shows the default columns of the scope (see {@link DefaultColumns}): now when rows are loaded, else once the
     * first rows arrive. Choosing columns (a change of {@link #columns()}) ends it.
     */
    public void useDefaultColumns() {
        defaultColumnsPending = true;
        if (!rows.isEmpty() && !loading.get()) {
            applyDefaultColumns();
        } else {
            setColumnsQuietly(List.of());
        }
    }

    private void applyDefaultColumns() {
        defaultColumnsPending = false;
        List<RunDetails> shown = new ArrayList<>(rows.size());
        for (RunRow r : rows) {
            shown.add(r.details());
        }
        setColumnsQuietly(DefaultColumns.of(shown, scope.get() == null, defaultColumnLimit));
    }

    private void setColumnsQuietly(List<ColumnSpec> specs) {
        applyingDefaultColumns = true;
        try {
            columns.setAll(specs);
        } finally {
            applyingDefaultColumns = false;
        }
    }

    /** True while the view-model sets the default columns (not a choice of the user, so not remembered). */
    public boolean isApplyingDefaultColumns() {
        return applyingDefaultColumns;
    }

    /** How many default columns the table has room for (the view sets it from its width). */
    public void setDefaultColumnLimit(int limit) {
        this.defaultColumnLimit = Math.max(1, limit);
    }

    // --- tree, grouping and sorting ------------------------------------------------------------------------

    /**
     * Sorts siblings (and runs within a group) by {@code keys}; empty = the store's order (newest first). When the
     * table holds only part of the matching runs, the store sorts them (its order-by) and the table is read again
     * from the first page, so the first rows are the first of all runs, not of those loaded.
     */
    public void setSort(List<SortKey> keys) {
        sort = List.copyOf(keys);
        List<String> clauses = new ArrayList<>();
        for (SortKey k : sort) {
            clauses.add(k.storeClause());
        }
        boolean storeCanSort = !clauses.contains(null);
        List<String> wanted = storeCanSort ? List.copyOf(clauses) : List.of();
        if (store != null && !complete.get() && !wanted.equals(storeOrder)) {
            // the rows held are replaced by the store's first page in the new order: sorting them here first
            // would lay out thousands of rows for nothing
            storeOrder = wanted;
            loadRows();
            return;
        }
        storeOrder = complete.get() ? storeOrder : wanted;
        rebuild();
    }

    /** Groups top-level runs by a param or tag (null = no groups); remembered per experiment scope. */
    public void setGroupBy(GroupBy by) {
        groupBy.set(by);
        if (by == null) {
            groupByScope.remove(scopeKey());
        } else {
            groupByScope.put(scopeKey(), by);
        }
        rebuild();
    }

    /** Shows or hides the children of a run, or the runs of a group. */
    public void toggle(RunRow row) {
        setExpanded(row, !row.isExpanded());
    }

    /** Shows ({@code true}) or hides the children of a run or the runs of a group; no-op for a childless run. */
    public void setExpanded(RunRow row, boolean expanded) {
        if (row == null || !row.hasChildren() || row.isExpanded() == expanded) {
            return;
        }
        if (row.isGroup()) {
            if (expanded) {
                collapsedGroups.remove(row.groupKey());
            } else {
                collapsedGroups.add(row.groupKey());
            }
        } else if (expanded) {
            collapsedRuns.remove(row.id());
        } else {
            collapsedRuns.add(row.id());
        }
        rebuild();
    }

    /**
     * Makes run {@code id} visible by expanding its ancestors and its group; returns its row, or null when the run
     * is not in the table.
     */
    public RunRow reveal(String id) {
        RunRow row = byId.get(id);
        if (row == null) {
            return null;
        }
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        RunRow top = row;
        String parent = row.run().parentId();
        while (parent != null && byId.containsKey(parent) && seen.add(parent)) {
            changed |= collapsedRuns.remove(parent);
            top = byId.get(parent);
            parent = top.run().parentId();
        }
        GroupBy by = groupBy.get();
        if (by != null) {
            changed |= collapsedGroups.remove(RunTree.groupKey(by, by.value(top.details())));
        }
        if (changed) {
            rebuild();
        }
        return row;
    }

    private void rebuild() {
        List<RunRow> next = tree.build(rows, sort, groupBy.get(), collapsedRuns, collapsedGroups);
        aroundRowChanges.accept(() -> publish(next));
    }

    /** Replaces only the changed middle of the visible rows, so the table keeps what it can of its selection. */
    private void publish(List<RunRow> next) {
        int max = Math.min(visibleRows.size(), next.size());
        int prefix = 0;
        while (prefix < max && visibleRows.get(prefix) == next.get(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && visibleRows.get(visibleRows.size() - 1 - suffix) == next.get(next.size() - 1 - suffix)) {
            suffix++;
        }
        int oldEnd = visibleRows.size() - suffix;
        int newEnd = next.size() - suffix;
        if (prefix == oldEnd && prefix == newEnd) {
            return;
        }
        if (oldEnd - prefix > LARGE_CHANGE || newEnd - prefix > LARGE_CHANGE
                || oldEnd - prefix == visibleRows.size() && newEnd - prefix == next.size()) {
            visibleRows.setAll(next);
            return;
        }
        if (oldEnd > prefix) {
            visibleRows.remove(prefix, oldEnd);
        }
        if (newEnd > prefix) {
            visibleRows.addAll(prefix, next.subList(prefix, newEnd));
        }
    }

    private String scopeKey() {
        return scope.get() == null ? "" : scope.get().name();
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
        write("Tagging runs", s -> s.write(w -> {
            for (String id : targets) {
                w.setTags(w.run(id),
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
            outageError = false;
            poll();
        }, this::showActionError);
    }

    /** Hands the selected runs to whoever registers models (the shell wires the registry view). */
    public void registerModel(List<String> runIds) {
        if (onRegisterModel != null && !runIds.isEmpty()) {
            onRegisterModel.accept(List.copyOf(runIds));
        }
    }

    /** Hands two or more selected runs to the compare view (wired by the shell). */
    public void compare(List<String> runIds) {
        if (onCompare != null && runIds.size() >= 2) {
            onCompare.accept(List.copyOf(runIds));
        }
    }

    /** Called with the selected run ids on "Register model…"; null hides the action. */
    public void setOnRegisterModel(Consumer<List<String>> handler) {
        this.onRegisterModel = handler;
        registerModelAvailable.set(handler != null);
    }

    /** Called with the selected run ids (2 or more) on "Compare" / Ctrl+Shift+C; null disables the action. */
    public void setOnCompare(Consumer<List<String>> handler) {
        this.onCompare = handler;
        compareAvailable.set(handler != null);
    }

    /** True when the shell has wired "Register model…". */
    public ReadOnlyBooleanProperty registerModelAvailableProperty() {
        return registerModelAvailable;
    }

    /** True when the shell has wired "Compare". */
    public ReadOnlyBooleanProperty compareAvailableProperty() {
        return compareAvailable;
    }

    /**
     * Lets the view wrap each change of {@link #visibleRows()} (to save and restore the table's selection and
     * scroll position around it).
     */
    public void setAroundRowChanges(Consumer<Runnable> wrapper) {
        this.aroundRowChanges = wrapper == null ? Runnable::run : wrapper;
    }

    // --- accessors -------------------------------------------------------------------------------------------

    /** Receives the ids of runs changed in the store (for the detail pane). */
    public void setOnRunsChanged(Consumer<Collection<String>> listener) {
        this.onRunsChanged = listener == null ? ids -> { } : listener;
    }

    /**
     * Called when a background poll fails (and when the table cannot be loaded because the server is unreachable):
     * the shell tells the user the connection is lost while the polls go on.
     */
    public void setOnRefreshFailed(Consumer<Throwable> listener) {
        this.onRefreshFailed = listener == null ? RunsViewModel::logRefreshFailure : listener;
    }

    /** Called after each successful poll or table load: the store answers. */
    public void setOnRefreshed(Runnable listener) {
        this.onRefreshed = listener == null ? () -> { } : listener;
    }

    /** Every loaded run, in the store's order (newest first), regardless of nesting and grouping. */
    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** What the table shows: group headers, runs, and children of expanded runs, in display order. */
    public ObservableList<RunRow> visibleRows() {
        return visibleRows;
    }

    /** The runs the table holds in display order, nested and collapsed ones included (for "Export table"). */
    public List<RunDetails> tableRuns() {
        List<RunRow> all = new RunTree().build(rows, sort, groupBy.get(), Set.of(), Set.of());
        List<RunDetails> out = new ArrayList<>(all.size());
        for (RunRow r : all) {
            if (!r.isGroup()) {
                out.add(r.details());
            }
        }
        rebuild();
        return out;
    }

    /** What top-level runs are grouped by, or null. */
    public ReadOnlyObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
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

    /** How many runs match the scope and filter in the store (the table may hold only the first of them). */
    public javafx.beans.property.ReadOnlyLongProperty matchingRunsProperty() {
        return matchingRuns;
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
