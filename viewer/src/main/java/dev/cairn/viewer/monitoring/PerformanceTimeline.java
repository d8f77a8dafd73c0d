package dev.cairn.viewer.monitoring;

import dev.cairn.store.monitoring.Alert;
import dev.cairn.viewer.common.ChartAxes;
import dev.cairn.viewer.common.ChartMarkers;
import dev.cairn.viewer.common.GoLiveMarks;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.Theme;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Performance over time (ChartFX): one line per version (challengers in their own colour) or per slice, by batch date
 * (as the drift view), with promotions to Production, rollbacks and alerts as vertical markers on the same axis:
 * go-live labels stacked from the top, alert labels from the bottom, none covering another.
 */
final class PerformanceTimeline extends StackPane {
    private final DefaultNumericAxis x = ChartAxes.dates("batch date");
    private final DefaultNumericAxis y = ChartAxes.numeric("metric");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final ChartMarkers golive = new ChartMarkers(chart, x, 0.05, 0.17, 0.29, 0.41, 0.53);
    private final ChartMarkers alertMarks = new ChartMarkers(chart, x, 0.9, 0.8, 0.7);
    private final Theme theme;
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

    void show(String metric, List<MonitoringViewModel.Series> series, List<GoLiveMarks.Mark> events,
              List<Alert> alerts) {
        renderer.getDatasets().clear();
        golive.clear();
        alertMarks.clear();
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
        double span = ChartAxes.span(times[0], times[times.length - 1]);
        long halfDay = 43_200_000L;
        List<GoLiveMarks.Mark> shown = events.stream().filter(e -> e.timeMs() >= times[0] - halfDay
                && e.timeMs() <= times[times.length - 1] + halfDay).toList();
        golive.show(shown.stream().mapToDouble(e -> ChartAxes.day(e.timeMs())).toArray(),
                shown.stream().map(GoLiveMarks.Mark::label).toList(), span);
        Set<Long> alerted = new HashSet<>();
        alerts.forEach(a -> alerted.add(a.batchTime().toEpochMilli()));
        List<Double> starts = new ArrayList<>();
        boolean previous = false;
        for (long t : times) { // one marker where a run of alerted batches starts, so daily alerts stay readable
            boolean now = alerted.contains(t);
            if (now && !previous) {
                starts.add(ChartAxes.day(t));
            }
            previous = now;
        }
        alertMarks.show(starts.stream().mapToDouble(Double::doubleValue).toArray(),
                starts.stream().map(d -> "alert").toList(), span);
    }

    /** Event markers drawn, for tests. */
    int markerCount() {
        return golive.count() + alertMarks.count();
    }

    /** The go-live markers' labels, oldest first, for tests. */
    List<String> goLiveLabels() {
        return golive.labels();
    }

    /** Points drawn, for tests. */
    int pointCount() {
        return points;
    }

    XYChart chart() {
        return chart;
    }
}
