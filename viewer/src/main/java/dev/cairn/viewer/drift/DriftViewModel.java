package dev.cairn.viewer.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.GoLiveMarks;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * State of the drift view for one model version: the report, the selected cell (column and batch), the columns
 * table (drifted features first, then prediction drift, each by severity; searchable), the columns charted over
 * time (the worst features; model outputs only when fewer features), the distribution of the selected cell and
 * the summary. Store work and report computation go through the {@link TaskRunner}; the report itself comes from
 * a {@link DriftReportSource} the app provides.
 */
public final class DriftViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DriftViewModel.class);
    private static final int CHARTED_COLUMNS = 3;

    private final TrackingStore store;
    private final DriftReportSource reports;
    private final TaskRunner runner;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>();
    private final ObservableList<Integer> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> version = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DriftSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> selectedColumn = new SimpleObjectProperty<>();
    private final IntegerProperty selectedBatch = new SimpleIntegerProperty(-1);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<ColumnRow> columnRows = FXCollections.observableArrayList();
    private final ObservableList<String> chartedColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Distribution> distribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper share = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper referenceSize = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> latestDrifted = new ReadOnlyObjectWrapper<>();
    private boolean opening;
    private final LatestOnly opens;

    public DriftViewModel(TrackingStore store, DriftReportSource reports, TaskRunner runner) {
        this.store = Objects.requireNonNull(store);
        this.reports = Objects.requireNonNull(reports);
        this.runner = Objects.requireNonNull(runner);
        this.opens = new LatestOnly(runner);
        model.addListener((obs, was, now) -> {
            if (!opening && now != null) {
                open(now, null);
            }
        });
        version.addListener((obs, was, now) -> {
            if (!opening && now != null && model.get() != null) {
                open(model.get(), now);
            }
        });
        search.addListener((obs, was, now) -> refreshRows());
        selectedBatch.addListener((obs, was, now) -> {
            refreshRows();
            refreshDistribution();
        });
        selectedColumn.addListener((obs, was, now) -> refreshDistribution());
    }

    /** Lists the registered models; opens the first one that has drift data when none is open. */
    public void reload() {
        runner.submit("Loading models", () -> {
            List<String> names = new ArrayList<>();
            String withData = null;
            for (RegisteredModel m : store.registry().models()) {
                names.add(m.name());
                if (withData == null && hasReference(m.name())) {
                    withData = m.name();
                }
            }
            return new Models(names, withData);
        }, loaded -> {
            models.setAll(loaded.names());
            if (model.get() == null && loaded.withData() != null) {
                open(loaded.withData(), null);
            } else if (model.get() == null && loaded.names().isEmpty()) {
                message.set("No registered models yet. Register one, then add data with cairn drift reference.");
            }
        }, this::fail);
    }

    /** True when the model's default version has reference data; a store error is an error, not "no reference". */
    private boolean hasReference(String name) {
        try {
            return store.drift().reference(name, store.drift().defaultVersion(name)).isPresent();
        } catch (dev.cairn.store.model.NotFoundException e) {
            return false; // a model without versions
        }
    }

    /** Opens a model version's drift; {@code v} null means the Production version, else the latest. */
    public void open(String name, Integer v) {
        message.set("");
        // latest wins: choosing another model or version while one loads drops the older result
        opens.submit("Computing drift of " + name, progress -> load(name, v), this::show, this::fail);
    }

    private Loaded load(String name, Integer v) {
        int chosen = v != null ? v : store.drift().defaultVersion(name);
        List<Integer> all = store.registry().versions(name).stream().map(ModelVersion::version).toList();
        DatasetProfile reference = store.drift().reference(name, chosen).orElse(null);
        if (reference == null) {
            return new Loaded(name, chosen, all, null);
        }
        DriftReport report = reports.report(store, name, chosen);
        List<DatasetProfile> batches = store.drift().batches(name, chosen);
        List<GoLiveMarks.Mark> golive = GoLiveMarks.of(store.registry().history(name));
        return new Loaded(name, chosen, all, new DriftSnapshot(report, reference, batches, golive));
    }

    private void show(Loaded loaded) {
        opening = true;
        try {
            if (!models.contains(loaded.model())) {
                models.add(loaded.model());
            }
            model.set(loaded.model());
            versions.setAll(loaded.versions());
            version.set(loaded.version());
        } finally {
            opening = false;
        }
        snapshot.set(loaded.snapshot());
        if (loaded.snapshot() == null) {
            clearSummary();
            message.set(loaded.model() + " v" + loaded.version() + " has no reference data yet: cairn drift reference "
                    + "--model " + loaded.model() + " --version " + loaded.version() + " FILE.csv");
            columnRows.clear();
            chartedColumns.clear();
            distribution.set(null);
            return;
        }
        DriftReport report = loaded.snapshot().report();
        summarise(report);
        int last = report.batches().size() - 1;
        List<DriftReport.Column> latest = last < 0 ? List.of() : report.batches().get(last).columns();
        List<String> worst = latest.stream().sorted(Comparator.comparing((DriftReport.Column c) -> c.role().isFeature())
                        .thenComparingDouble(DriftReport.Column::severity).reversed())
                .limit(CHARTED_COLUMNS).map(DriftReport.Column::name).toList();
        chartedColumns.setAll(worst);
        String keep = selectedColumn.get();
        selectedBatch.set(-1);
        selectedColumn.set(keep != null && loaded.snapshot().columnNames().contains(keep) ? keep
                : worst.isEmpty() ? null : worst.get(0));
        selectedBatch.set(last);
    }

    private void summarise(DriftReport report) {
        referenceSize.set(Formats.count(report.referenceRows()) + " rows");
        batchCount.set(String.valueOf(report.batches().size()));
        report.latest().ifPresentOrElse(b -> {
            latestDrifted.set(b.datasetDrift());
            status.set(b.datasetDrift() ? "Latest batch drifted" : "No drift in the latest batch");
            share.set(String.format(Locale.ROOT, "%d of %d columns (%.0f%%)", b.driftedColumns(), b.testedColumns(),
                    100 * b.driftShare()));
        }, () -> {
            latestDrifted.set(null);
            status.set("No batches yet");
            share.set("—");
        });
    }

    private void clearSummary() {
        latestDrifted.set(null);
        status.set("No reference data");
        share.set("—");
        batchCount.set("0");
        referenceSize.set("—");
    }

    private void fail(Throwable e) {
        LOG.warn("drift view work failed: {}", e.toString(), e);
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Selects one heatmap cell: {@code column} in batch {@code batchIndex}. */
    public void selectCell(String column, int batchIndex) {
        selectedColumn.set(column);
        selectedBatch.set(batchIndex);
        if (column != null && !chartedColumns.contains(column)) {
            if (chartedColumns.size() >= CHARTED_COLUMNS) {
                chartedColumns.remove(chartedColumns.size() - 1);
            }
            chartedColumns.add(0, column);
        }
    }

    /** Adds a CSV (for example one dropped on the view) as a batch at {@code time}, then reloads the report. */
    public void addBatch(Path csv, Instant time) {
        String name = model.get();
        Integer v = version.get();
        if (name == null || v == null) {
            message.set("Open a model version before adding a batch.");
            return;
        }
        Instant at = time.truncatedTo(ChronoUnit.SECONDS);
        runner.submit("Adding " + csv.getFileName() + " as a batch", () -> {
            new DriftDatasets(store.drift()).addBatch(name, v, at, csv, ProfileOptions.defaults());
            return load(name, v);
        }, loaded -> {
            show(loaded);
            message.set("Added " + csv.getFileName() + " as the batch of " + at + ".");
        }, this::fail);
    }

    private void refreshRows() {
        DriftSnapshot s = snapshot.get();
        int b = selectedBatch.get();
        if (s == null || b < 0 || b >= s.report().batches().size()) {
            columnRows.clear();
            return;
        }
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        columnRows.setAll(s.report().batches().get(b).columns().stream()
                .filter(c -> needle.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (c.test() != null && c.test().contains(needle)))
                .sorted(Comparator.comparing((DriftReport.Column c) -> c.drifted() && c.role().isFeature())
                        .thenComparing(DriftReport.Column::drifted).thenComparingDouble(DriftReport.Column::severity)
                        .reversed().thenComparing(DriftReport.Column::name))
                .map(ColumnRow::new).toList());
    }

    private void refreshDistribution() {
        DriftSnapshot s = snapshot.get();
        int b = selectedBatch.get();
        String column = selectedColumn.get();
        if (s == null || column == null || b < 0 || b >= s.batches().size()) {
            distribution.set(null);
            return;
        }
        ColumnProfile ref = s.reference().column(column).orElse(null);
        if (ref == null) {
            distribution.set(null);
            return;
        }
        ColumnProfile cur = s.batches().get(b).column(column).orElse(null);
        DriftReport.Column result = s.report().batches().get(b).column(column).orElse(null);
        distribution.set(Distribution.of(ref, cur, result));
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObjectProperty<String> model() {
        return model;
    }

    public ObservableList<Integer> versions() {
        return versions;
    }

    public ObjectProperty<Integer> version() {
        return version;
    }

    /** The loaded data, null before loading or when the version has no reference. */
    public ReadOnlyObjectProperty<DriftSnapshot> snapshot() {
        return snapshot.getReadOnlyProperty();
    }

    public ObjectProperty<String> selectedColumn() {
        return selectedColumn;
    }

    /** Index of the selected batch in the report, -1 for none. */
    public IntegerProperty selectedBatch() {
        return selectedBatch;
    }

    public StringProperty search() {
        return search;
    }

    /** The selected batch's columns, drifted first then by severity, filtered by {@link #search()}. */
    public ObservableList<ColumnRow> columnRows() {
        return columnRows;
    }

    /** Columns drawn in the score-over-time chart (the worst three of the latest batch, plus clicked ones). */
    public ObservableList<String> chartedColumns() {
        return chartedColumns;
    }

    /** Reference vs selected batch for the selected column. */
    public ReadOnlyObjectProperty<Distribution> distribution() {
        return distribution.getReadOnlyProperty();
    }

    /** True/false when the latest batch drifted or not; null without batches. */
    public ReadOnlyObjectProperty<Boolean> latestDrifted() {
        return latestDrifted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty share() {
        return share.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchCount() {
        return batchCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceSize() {
        return referenceSize.getReadOnlyProperty();
    }

    /** A problem or a hint for the user, empty when there is none. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    private record Models(List<String> names, String withData) {
    }

    private record Loaded(String model, int version, List<Integer> versions, DriftSnapshot snapshot) {
    }
}
