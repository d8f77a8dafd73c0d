package dev.cairn.viewer.compare;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.Cancellable;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Ticker;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * State of the compare view: the compared runs (in the order given), the side-by-side rows with "differences only",
 * key search and the pinned reference run, the metric charts, and live updates while runs change. UI thread only.
 */
public final class CompareViewModel {
    /** How often the store is polled for changes of the compared runs. */
    public static final Duration LIVE_PERIOD = Duration.ofSeconds(2);

    private final TrackingStore store;
    private final TaskRunner runner;
    private final List<String> runIds;
    private final LatestOnly loads;
    private final ChartsViewModel charts;
    private final ObservableList<RunDetails> runs = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> reference = new SimpleObjectProperty<>(this, "reference");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private List<CompareRow> allRows = List.of();
    private Cancellable live = Cancellable.NONE;
    private long seenToken = -1;
    private boolean polling;

    public CompareViewModel(TrackingStore store, TaskRunner runner, List<String> runIds) {
        this.store = store;
        this.runner = runner;
        this.runIds = List.copyOf(runIds);
        this.loads = new LatestOnly(runner);
        this.charts = new ChartsViewModel(store, runner);
        differencesOnly.addListener((o, a, b) -> filterRows());
        search.addListener((o, a, b) -> filterRows());
    }

    /** Loads the runs' details (params, tags, metric summaries) and builds the rows. */
    public void load() {
        loads.submit("Loading " + runIds.size() + " runs to compare", progress -> {
            long token = store.changeToken();
            return new Loaded(token, List.copyOf(store.runs().details(runIds).values()));
        }, this::loaded, failure -> error.set(UserMessages.of(failure)));
    }

    private record Loaded(long token, List<RunDetails> runs) {
    }

    private void loaded(Loaded result) {
        seenToken = result.token();
        runs.setAll(result.runs());
        allRows = new CompareRows(ZoneId.systemDefault(), System.currentTimeMillis()).build(result.runs());
        if (reference.get() != null && result.runs().stream().noneMatch(d -> d.run().id().equals(reference.get()))) {
            reference.set(null);
        }
        error.set(result.runs().size() == runIds.size() ? null
                : (runIds.size() - result.runs().size()) + " of the runs no longer exist.");
        filterRows();
        charts.setRuns(result.runs());
    }

    private void filterRows() {
        KeyPattern p = KeyPattern.of(search.get());
        List<CompareRow> out = new ArrayList<>();
        for (CompareRow r : allRows) {
            if (differencesOnly.get() && !r.differs()) {
                continue;
            }
            if (!p.isBlank() && !p.matches(r.label()) && !p.matches(r.key())) {
                continue;
            }
            out.add(r);
        }
        rows.setAll(out);
    }

    /** Starts polling the store; points of running runs extend the charts, edits refresh the table. */
    public void startLive(Ticker ticker) {
        live.cancel();
        live = ticker.every(LIVE_PERIOD, this::poll);
    }

    /** Stops polling. */
    public void stopLive() {
        live.cancel();
        live = Cancellable.NONE;
    }

    /** One live check: when any compared run changed since the last load, reload details and refresh charts. */
    public void poll() {
        if (polling || seenToken < 0) {
            return;
        }
        polling = true;
        long since = seenToken;
        Set<String> mine = new HashSet<>(runIds);
        runner.submit(null, () -> {
            long token = store.changeToken();
            boolean changed = token != since && store.runsChangedSince(since).stream().anyMatch(mine::contains);
            return changed ? new Loaded(token, List.copyOf(store.runs().details(runIds).values()))
                    : new Loaded(token, null);
        }, result -> {
            polling = false;
            seenToken = result.token();
            if (result.runs() != null) {
                loaded(result);
                charts.refresh();
            }
        }, failure -> polling = false);
    }

    /**
     * The text of run {@code runIndex}'s cell in {@code row}: the value, and for metric rows of runs other than the
     * reference, the signed delta and percent against the reference run.
     */
    public String cellText(CompareRow row, int runIndex) {
        String value = row.values().get(runIndex);
        int ref = referenceIndex();
        if (!row.isMetric() || ref < 0 || ref == runIndex || value.isEmpty()) {
            return value;
        }
        MetricDelta d = MetricDelta.of(row.numbers()[runIndex], row.numbers()[ref]);
        return d == null ? value : value + "  " + d.format();
    }

    /** The delta of run {@code runIndex} against the reference in a metric row, or null. */
    public MetricDelta delta(CompareRow row, int runIndex) {
        int ref = referenceIndex();
        if (!row.isMetric() || ref < 0 || ref == runIndex) {
            return null;
        }
        return MetricDelta.of(row.numbers()[runIndex], row.numbers()[ref]);
    }

    /** The position of the reference run among {@link #runs()}, or -1. */
    public int referenceIndex() {
        String id = reference.get();
        for (int i = 0; id != null && i < runs.size(); i++) {
            if (runs.get(i).run().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> runIds() {
        return runIds;
    }

    /** The compared runs that exist, in the order asked for. */
    public ObservableList<RunDetails> runs() {
        return runs;
    }

    /** The rows shown (after "differences only" and key search). */
    public ObservableList<CompareRow> rows() {
        return rows;
    }

    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The pinned reference run id, or null. */
    public ObjectProperty<String> referenceProperty() {
        return reference;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ChartsViewModel charts() {
        return charts;
    }
}
