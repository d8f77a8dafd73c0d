package dev.cairn.viewer.monitoring;

import dev.cairn.viewer.common.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The monitoring view of one model version: the latest performance, performance over time (overall with
 * challengers, or per slice of a segment) with promotions, rollbacks and alerts on the time axis, the alert rules
 * and alerts, and champion vs challenger with "Promote challenger". Host it with
 * {@code new MonitoringView(new MonitoringViewModel(store, runner, user))} and call
 * {@link MonitoringViewModel#reload()}; the main window shows it as its Monitoring screen.
 */
public final class MonitoringView extends BorderPane {
    private final MonitoringViewModel vm;
    private final PerformanceTimeline timeline;

    /** A view for the light theme. */
    public MonitoringView(MonitoringViewModel vm) {
        this(vm, Theme.LIGHT);
    }

    /** A view whose chart colours suit {@code theme}. */
    public MonitoringView(MonitoringViewModel vm, Theme theme) {
        this.vm = vm;
        this.timeline = new PerformanceTimeline(theme);
        setId("monitoring-view");
        setTop(header());
        setCenter(body());
        vm.series().addListener((o, was, now) -> redraw());
        vm.snapshot().addListener((o, was, now) -> redraw());
        redraw(); // a view built again (another theme) over a loaded view-model
    }

    private void redraw() {
        MonitoringSnapshot s = vm.snapshot().get();
        timeline.show(vm.metric().get(), vm.series().get(), s == null ? List.of() : s.events(),
                s == null ? List.of() : s.alerts());
    }

    private Region header() {
        ComboBox<String> models = new ComboBox<>(vm.models());
        models.setId("monitoring-model");
        models.valueProperty().bindBidirectional(vm.model());
        ComboBox<Integer> versions = new ComboBox<>(vm.versions());
        versions.setId("monitoring-version");
        versions.valueProperty().bindBidirectional(vm.version());
        ComboBox<String> metrics = new ComboBox<>(vm.metrics());
        metrics.setId("monitoring-metric");
        metrics.valueProperty().bindBidirectional(vm.metric());
        ComboBox<String> segments = new ComboBox<>(vm.segments());
        segments.setId("monitoring-segment");
        segments.valueProperty().bindBidirectional(vm.segment());
        HBox choose = new HBox(12, new Label("Model"), models, new Label("Version"), versions, new Label("Metric"),
                metrics, new Label("Slices"), segments);
        choose.setAlignment(Pos.CENTER_LEFT);
        Label latest = new Label();
        latest.setId("monitoring-latest");
        latest.textProperty().bind(vm.latest());
        latest.setStyle("-fx-font-weight: bold;");
        Label message = new Label();
        message.setId("monitoring-message");
        message.textProperty().bind(vm.message());
        message.managedProperty().bind(vm.message().isNotEmpty());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        VBox box = new VBox(6, choose, latest, message);
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    private Node body() {
        ListView<String> alerts = new ListView<>(vm.alertLines());
        alerts.setId("monitoring-alerts");
        alerts.setPlaceholder(new Label("No alerts"));
        Label duel = new Label();
        duel.setId("monitoring-duel");
        duel.setWrapText(true);
        duel.textProperty().bind(vm.duel());
        duel.setMinHeight(Region.USE_PREF_SIZE);
        duel.setMaxWidth(Double.MAX_VALUE);
        Button promote = new Button("Promote challenger");
        promote.setId("monitoring-promote");
        promote.disableProperty().bind(vm.challenger().isNull());
        promote.setOnAction(e -> vm.promoteChallenger());
        VBox side = new VBox(8, section("Champion vs challenger"), duel, promote, section("Alert rules"),
                new RulesPane(vm), section("Alerts"), alerts);
        VBox.setVgrow(alerts, Priority.ALWAYS);
        alerts.setMinHeight(72);
        side.setPadding(new Insets(6, 12, 12, 6));
        side.setMinWidth(360);
        SplitPane split = new SplitPane(timeline, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        return split;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    /** The chart, for tests and benchmarks. */
    PerformanceTimeline timeline() {
        return timeline;
    }

    /** Event markers on the time axis, for tests. */
    public int markerCount() {
        return timeline.markerCount();
    }

    /** The labels of the go-live markers on the time axis, oldest first, for tests. */
    public List<String> goLiveLabels() {
        return timeline.goLiveLabels();
    }

    /** Points drawn, for tests. */
    public int pointCount() {
        return timeline.pointCount();
    }
}
