package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DriftReport;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.Theme;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The drift view of one model version: summary, heatmap (columns × batches), score over time, distribution of the
 * selected column and batch with the test's numbers, the columns table, and performance over time with go-live
 * markers. Drop a CSV on it to add a batch. Host it with {@code new DriftView(new DriftViewModel(store, source,
 * runner))} and call {@link DriftViewModel#reload()} or {@link DriftViewModel#open}.
 */
public final class DriftView extends BorderPane {
    private final DriftViewModel vm;
    private final DriftHeatmap heatmap = new DriftHeatmap();
    private final ScoreChart scores;
    private final DistributionChart distribution;
    private final PerformanceChart performance;
    private final Label testNumbers = new Label();
    private final Label performanceNote = new Label("No prediction and label columns: no performance figures.");

    public DriftView(DriftViewModel vm) {
        this(vm, Theme.LIGHT);
    }

    /** A drift view whose chart colours suit {@code theme}. */
    public DriftView(DriftViewModel vm, Theme theme) {
        this.vm = vm;
        this.scores = new ScoreChart(theme);
        this.distribution = new DistributionChart(theme);
        this.performance = new PerformanceChart(theme);
        setId("drift-view");
        setTop(header());
        setCenter(body());
        bind();
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    private Region header() {
        ComboBox<String> models = new ComboBox<>(vm.models());
        models.setId("drift-model");
        models.valueProperty().bindBidirectional(vm.model());
        ComboBox<Integer> versions = new ComboBox<>(vm.versions());
        versions.setId("drift-version");
        versions.valueProperty().bindBidirectional(vm.version());
        Label status = new Label();
        status.setId("drift-status");
        status.textProperty().bind(vm.status());
        vm.latestDrifted().addListener((o, was, now) -> status.setStyle(now == null ? ""
                : now ? "-fx-text-fill: #b3261e; -fx-font-weight: bold;" : "-fx-text-fill: #2e7d32; -fx-font-weight: bold;"));
        HBox summary = new HBox(18, new Label("Model"), models, new Label("Version"), versions, status,
                fact("Drifted columns", vm.share(), "drift-share"), fact("Batches", vm.batchCount(), "drift-batches"),
                fact("Reference", vm.referenceSize(), "drift-reference"));
        summary.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("drift-message");
        message.textProperty().bind(vm.message());
        message.managedProperty().bind(vm.message().isNotEmpty());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        VBox box = new VBox(6, summary, message);
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    private static HBox fact(String name, javafx.beans.value.ObservableStringValue value, String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setStyle("-fx-font-weight: bold;");
        Label n = new Label(name + ":");
        n.setStyle("-fx-opacity: 0.7;");
        return new HBox(4, n, v);
    }

    private Region body() {
        TextField search = new TextField();
        search.setId("drift-search");
        search.setPromptText("Search columns");
        search.textProperty().bindBidirectional(vm.search());
        ColumnsTable table = new ColumnsTable(vm.columnRows());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectCell(now.name(), vm.selectedBatch().get());
            }
        });
        ScrollPane heatmapScroll = new ScrollPane(heatmap);
        heatmapScroll.setFitToWidth(true);
        heatmapScroll.setPrefViewportHeight(180);
        VBox left = new VBox(8, new Label("Drift by column and batch (score / threshold)"), heatmapScroll, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6, 6, 8, 12));
        testNumbers.setId("drift-test-numbers");
        testNumbers.setWrapText(true);
        testNumbers.setMinWidth(170);
        testNumbers.setMaxWidth(200);
        HBox distributionRow = new HBox(8, distribution, testNumbers);
        HBox.setHgrow(distribution, Priority.ALWAYS);
        VBox.setVgrow(scores, Priority.ALWAYS);
        VBox.setVgrow(distributionRow, Priority.ALWAYS);
        VBox.setVgrow(performance, Priority.ALWAYS);
        performanceNote.setId("drift-performance-note");
        performanceNote.managedProperty().bind(performanceNote.visibleProperty());
        VBox right = new VBox(6, scores, distributionRow, performanceNote, performance);
        right.setPadding(new Insets(6, 12, 8, 6));
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        return split;
    }

    private void bind() {
        heatmap.setOnSelect(vm::selectCell);
        vm.snapshot().addListener((o, was, now) -> showSnapshot(now));
        vm.selectedColumn().addListener((o, was, now) -> heatmap.setSelection(now, vm.selectedBatch().get()));
        vm.selectedBatch().addListener((o, was, now) -> heatmap.setSelection(vm.selectedColumn().get(), now.intValue()));
        vm.chartedColumns().addListener((ListChangeListener<String>) c -> {
            DriftSnapshot s = vm.snapshot().get();
            scores.show(s == null ? null : s.report(), List.copyOf(vm.chartedColumns()));
        });
        vm.distribution().addListener((o, was, now) -> {
            distribution.show(now);
            testNumbers.setText(numbers(now));
        });
    }

    private void showSnapshot(DriftSnapshot s) {
        heatmap.setReport(s == null ? null : s.report(), s == null ? List.of() : s.columnNames());
        heatmap.setSelection(vm.selectedColumn().get(), vm.selectedBatch().get());
        scores.show(s == null ? null : s.report(), List.copyOf(vm.chartedColumns()));
        boolean perf = s != null && performance.show(s.batches(), s.golive());
        performance.setVisible(perf);
        performance.setManaged(perf);
        performanceNote.setVisible(s != null && !perf);
    }

    static String numbers(Distribution d) {
        if (d == null) {
            return "";
        }
        DriftReport.Column c = d.result();
        if (c == null || c.test() == null) {
            return d.column() + "\n" + (c == null ? "not in this batch" : shortNumbers(c.message()));
        }
        StringBuilder sb = new StringBuilder(d.column()).append('\n');
        sb.append("test: ").append(c.test()).append('\n');
        sb.append(c.distance() ? "distance: " : "p-value: ").append(format(c.score())).append('\n');
        sb.append("threshold: ").append(format(c.threshold())).append('\n');
        sb.append(c.drifted() ? "DRIFTED" : "not drifted");
        sb.append(String.format(Locale.ROOT, " (%.2f× threshold)", c.severity()));
        if (c.message() != null) {
            sb.append('\n').append(shortNumbers(c.message()));
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern LONG_NUMBER =
            java.util.regex.Pattern.compile("-?\\d+\\.\\d{5,}(?:[eE][-+]?\\d+)?");

    /** A test's message with its long decimals (std=9.794827565608289) cut to 5 significant digits (9.7948). */
    static String shortNumbers(String message) {
        return LONG_NUMBER.matcher(message).replaceAll(m -> Formats.number(Double.parseDouble(m.group())));
    }

    private static String format(double v) {
        return Formats.number(v);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream()
                .anyMatch(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasFiles()) {
            Instant now = Instant.now();
            int n = 0;
            for (File f : e.getDragboard().getFiles()) {
                if (f.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    vm.addBatch(f.toPath(), now.plusSeconds(n++));
                    done = true;
                }
            }
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** The heatmap, for tests and for hosts that want to focus it. */
    public DriftHeatmap heatmap() {
        return heatmap;
    }

    int scoreLines() {
        return scores.lineCount();
    }

    int goLiveMarkers() {
        return performance.markerCount();
    }

    boolean distributionShowsBars() {
        return distribution.showsBars();
    }
}
