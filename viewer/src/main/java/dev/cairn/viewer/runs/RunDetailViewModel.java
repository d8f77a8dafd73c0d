package dev.cairn.viewer.runs;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.SeriesRange;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run detail pane: which run is shown and its data (overview, params, metric summaries with sparklines, tags,
 * note, inputs, artifacts), loaded in the background, latest selection wins. Plain Java; UI thread only.
 */
public final class RunDetailViewModel {
    /** Points per sparkline. */
    public static final int SPARK_POINTS = 60;
    /** Sparklines are read for at most this many metrics. */
    public static final int MAX_SPARKLINES = 40;

    private final LatestOnly loads;
    private final StringProperty runId = new SimpleStringProperty(this, "runId");
    private final ObjectProperty<RunDetailData> data = new SimpleObjectProperty<>(this, "data");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private TrackingStore store;

    public RunDetailViewModel(TaskRunner runner) {
        this.loads = new LatestOnly(runner);
    }

    public void attach(TrackingStore newStore) {
        this.store = newStore;
        show(null);
    }

    public void detach() {
        loads.cancel();
        store = null;
        runId.set(null);
        data.set(null);
    }

    /** Shows run {@code id} (null = nothing selected). */
    public void show(String id) {
        runId.set(id);
        if (id == null || store == null) {
            loads.cancel();
            data.set(null);
            loading.set(false);
            return;
        }
        load(id);
    }

    /** Reloads when one of {@code changedIds} is the run shown (live updates). */
    public void runsChanged(Collection<String> changedIds) {
        String id = runId.get();
        if (id != null && store != null && changedIds.contains(id)) {
            load(id);
        }
    }

    private void load(String id) {
        TrackingStore s = store;
        loading.set(true);
        loads.submit("Loading run", progress -> read(s, id), result -> {
            loading.set(false);
            error.set(null);
            data.set(result);
        }, failure -> {
            loading.set(false);
            error.set(UserMessages.of(failure));
        });
    }

    /** Reads a run's detail data (on a background thread). */
    static RunDetailData read(TrackingStore s, String id) {
        RunDetails details = s.runs().details(List.of(id)).get(id);
        if (details == null) {
            throw new dev.cairn.store.model.NotFoundException("The run " + id + " no longer exists.");
        }
        Run run = details.run();
        Run parent = run.parentId() == null ? null : s.runs().get(run.parentId()).orElse(null);
        Map<String, double[]> sparks = new LinkedHashMap<>();
        for (String key : details.metrics().keySet()) {
            if (sparks.size() >= MAX_SPARKLINES) {
                break;
            }
            if (details.metrics().get(key).count() > 1) {
                BucketedSeries b = s.metrics().downsample(id, key, SeriesRange.all(), SPARK_POINTS);
                sparks.put(key, lastValues(b));
            }
        }
        return new RunDetailData(details, parent, s.runs().children(id), s.runs().provenance(id).orElse(null),
                s.runs().inputs(id), s.runs().artifacts(id), sparks);
    }

    private static double[] lastValues(BucketedSeries b) {
        return b.last().clone();
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId;
    }

    public ReadOnlyObjectProperty<RunDetailData> dataProperty() {
        return data;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
