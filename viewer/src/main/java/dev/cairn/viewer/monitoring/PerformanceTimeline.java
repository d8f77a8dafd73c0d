package dev.cairn.viewer.monitoring;

import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.viewer.common.ChartAxes;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.Theme;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * Performance over time (ChartFX): one line per version (challengers in their own colour) or per slice, by batch date
 * (as the drift view), with promotions to Production, rollbacks and alerts as vertical markers on the same axis.
 */
final class PerformanceTimeline extends StackPane {
    private final DefaultNumericAxis x = ChartAxes.dates("batch date");
    private final DefaultNumericAxis y = ChartAxes.numeric("metric");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Theme theme;
    private int markers;
    private int points;

    /** A chart whose line colours suit {@code theme}. */
    PerformanceTimeline(Theme theme) {
        this.theme = theme;
        setId("monitoring-chart");
        chart.setTitle("Performance over time");
        chart.setAnimated(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL).setDrawMarker(true).setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().setAll(renderer);
        chart.setLegendVisible(true);
        getChildren().add(chart);
    }

    void show(String metric, List<MonitoringViewModel.Series> series, List<ModelEvent> events, List<Alert> alerts) {
        renderer.getDatasets().clear();
        chart.getPlugins().removeIf(p -> p instanceof XValueIndicator);
        markers = 0;
        points = 0;
        y.setName(metric == null ? "metric" : metric);
        if (series.isEmpty() || series.get(0).times().length == 0) {
            return;
        }
        renderer.setDrawMarker(series.get(0).times().length <= 90); // a year of daily points reads better as lines
        for (int k = 0; k < series.size(); k++) {
            MonitoringViewModel.Series s = series.get(k);
            DoubleDataSet line = new DoubleDataSet(s.name(), s.times().length);
            String color = RunColors.hex(RunColors.series(k, theme));
            line.setStyle("-fx-line-color: " + color + "; -fx-marker-color: " + color + "; -fx-line-width: 1.6;");
            for (int i = 0; i < s.times().length; i++) {
                if (!Double.isNaN(s.values()[i])) {
                    line.add(ChartAxes.day(s.times()[i]), s.values()[i]);
                    points++;
                }
            }
            renderer.getDatasets().add(line);
        }
        long[] times = series.get(0).times();
        double first = ChartAxes.day(times[0]);
        double last = ChartAxes.day(times[times.length - 1]);
        for (ModelEvent e : events) {
            double day = ChartAxes.day(e.timeMs());
            if (day < first - 0.5 || day > last + 0.5) {
                continue;
            }
            mark(day, e.action() == EventAction.ROLLBACK ? "rollback to v" + e.version() : "v" + e.version() + " live",
                    0.05);
        }
        java.util.Set<Long> alerted = new java.util.HashSet<>();
        alerts.forEach(a -> alerted.add(a.batchTime().toEpochMilli()));
        boolean previous = false;
        for (long t : times) { // one marker where a run of alerted batches starts, so daily alerts stay readable
            boolean now = alerted.contains(t);
            if (now && !previous) {
                mark(ChartAxes.day(t), "alert", 0.9); // labelled low; go-live events high
            }
            previous = now;
        }
    }

    private void mark(double day, String label, double labelPosition) {
        XValueIndicator marker = new XValueIndicator(x, day, label);
        marker.setEditable(false);
        marker.setLabelPosition(labelPosition);
        chart.getPlugins().add(marker);
        markers++;
    }

    /** Event markers drawn, for tests. */
    int markerCount() {
        return markers;
    }

    /** Points drawn, for tests. */
    int pointCount() {
        return points;
    }

    XYChart chart() {
        return chart;
    }
}
