package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.GroupBy;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.TaskRunner;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The grid of metric charts: which metrics are picked (searchable, wildcards), the layout (a chart per metric or per
 * run, 1–4 columns), the shared {@link ChartOptions} and one {@link ChartViewModel} per chart. UI thread only.
 */
public final class ChartsViewModel {
    /** Metrics picked when the view opens and nothing else was chosen. */
    static final int DEFAULT_PICKED = 4;

    private final TrackingStore store;
    private final TaskRunner runner;
    private final ChartOptions options = new ChartOptions();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> shownKeys = FXCollections.observableArrayList();
    private final ObservableList<String> picked = FXCollections.observableArrayList();
    private final StringProperty metricSearch = new SimpleStringProperty(this, "metricSearch", "");
    private final ObjectProperty<ChartLayout> layout = new SimpleObjectProperty<>(this, "layout",
            ChartLayout.PER_METRIC);
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 2);
    private final ObservableList<ChartViewModel> charts = FXCollections.observableArrayList();
    private List<RunDetails> runs = List.of();

    public ChartsViewModel(TrackingStore store, TaskRunner runner) {
        this.store = store;
        this.runner = runner;
        metricSearch.addListener((o, a, b) -> filterKeys());
        picked.addListener((ListChangeListener<String>) c -> rebuildCharts());
        layout.addListener((o, a, b) -> rebuildCharts());
        columns.addListener((o, a, b) -> {
            int v = Math.max(1, Math.min(4, b.intValue()));
            if (v != b.intValue()) {
                columns.set(v);
            }
        });
        options.xAxisProperty().addListener((o, a, b) -> charts.forEach(ChartViewModel::resetZoom));
        options.smoothingProperty().addListener((o, a, b) -> charts.forEach(ChartViewModel::rebuild));
        options.yScaleProperty().addListener((o, a, b) -> charts.forEach(ChartViewModel::rebuild));
        options.groupByProperty().addListener((o, a, b) -> {
            options.hidden().clear();
            charts.forEach(ChartViewModel::rebuild);
        });
    }

    /** Sets the compared runs (their details carry the metric keys); keeps picked metrics that still exist. */
    public void setRuns(List<RunDetails> details) {
        boolean first = runs.isEmpty();
        runs = List.copyOf(details);
        TreeSet<String> keys = new TreeSet<>();
        details.forEach(d -> keys.addAll(d.metrics().keySet()));
        metricKeys.setAll(keys);
        filterKeys();
        List<String> keep = picked.stream().filter(keys::contains).toList();
        if (first && keep.isEmpty()) {
            keep = keys.stream().limit(DEFAULT_PICKED).toList();
        }
        if (!keep.equals(picked)) {
            picked.setAll(keep);
        } else if (first) {
            rebuildCharts();
        }
    }

    private void filterKeys() {
        KeyPattern p = KeyPattern.of(metricSearch.get());
        shownKeys.setAll(metricKeys.stream().filter(p::matches).toList());
    }

    /** Picks every key the search matches ({@code val/*} picks all validation metrics), in key order. */
    public void pickMatching() {
        TreeSet<String> all = new TreeSet<>(picked);
        all.addAll(shownKeys);
        picked.setAll(all);
    }

    /** Picks or unpicks one metric. */
    public void setPicked(String key, boolean on) {
        if (on && !picked.contains(key)) {
            TreeSet<String> all = new TreeSet<>(picked);
            all.add(key);
            picked.setAll(all);
        } else if (!on) {
            picked.remove(key);
        }
    }

    private void rebuildCharts() {
        List<ChartViewModel> next = new ArrayList<>();
        if (layout.get() == ChartLayout.PER_METRIC) {
            for (String key : picked) {
                List<ChartLine> lines = new ArrayList<>();
                for (RunDetails d : runs) {
                    if (d.metrics().containsKey(key)) {
                        lines.add(new ChartLine(d, key, runLabel(d), d.run().id()));
                    }
                }
                next.add(new ChartViewModel(key, lines, true, store, runner, options));
            }
        } else {
            for (RunDetails d : runs) {
                List<ChartLine> lines = new ArrayList<>();
                for (String key : picked) {
                    if (d.metrics().containsKey(key)) {
                        lines.add(new ChartLine(d, key, key, "metric:" + key));
                    }
                }
                if (!lines.isEmpty()) {
                    next.add(new ChartViewModel(runLabel(d), lines, false, store, runner, options));
                }
            }
        }
        charts.setAll(next);
    }

    /** The run's name, or the start of its id when unnamed. */
    public static String runLabel(RunDetails d) {
        String name = d.run().name();
        return name == null || name.isBlank() ? d.run().id().substring(0, 8) : name;
    }

    /** Asks every chart again for its current range (new points of running runs; zoom is kept). */
    public void refresh() {
        charts.forEach(ChartViewModel::refresh);
    }

    public ChartOptions options() {
        return options;
    }

    /** Every metric key of the compared runs, sorted. */
    public ObservableList<String> metricKeys() {
        return metricKeys;
    }

    /** The keys the metric search matches. */
    public ObservableList<String> shownKeys() {
        return shownKeys;
    }

    /** The picked metrics, in key order. */
    public ObservableList<String> picked() {
        return picked;
    }

    public StringProperty metricSearchProperty() {
        return metricSearch;
    }

    public ObjectProperty<ChartLayout> layoutProperty() {
        return layout;
    }

    /** Grid columns, 1–4. */
    public IntegerProperty columnsProperty() {
        return columns;
    }

    public ObservableList<ChartViewModel> charts() {
        return charts;
    }

    /** Param and tag keys of the compared runs, for the group-by choice. */
    public List<GroupBy> groupChoices() {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        runs.forEach(d -> {
            params.addAll(d.params().keySet());
            tags.addAll(d.tags().keySet());
        });
        List<GroupBy> out = new ArrayList<>();
        params.forEach(k -> out.add(GroupBy.param(k)));
        tags.forEach(k -> out.add(GroupBy.tag(k)));
        return out;
    }
}
