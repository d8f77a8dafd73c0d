package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DatasetProfile;
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

import java.util.Comparator;
import java.util.List;

/**
 * Performance over time (ChartFX): the model's accuracy or RMSE per batch, computed over every row that has a
 * prediction and a label, with the registry's go-live events (promotions to Production, rollbacks) as vertical
 * markers on the same date axis as the score chart; labels of markers close together are stacked, not overlapped.
 */
final class PerformanceChart extends StackPane {
    private final DefaultNumericAxis x = ChartAxes.dates("batch date");
    private final DefaultNumericAxis y = ChartAxes.numeric("accuracy");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final ChartMarkers markers = new ChartMarkers(chart, x, 0.08, 0.22, 0.36, 0.5, 0.64);
    private final Theme theme;

    PerformanceChart(Theme theme) {
        this.theme = theme;
        setId("drift-performance-chart");
        chart.setTitle("Performance over time");
        chart.setAnimated(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL).setDrawMarker(true).setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().setAll(renderer);
        chart.setLegendVisible(false);
        getChildren().add(chart);
    }

    /** @return true when any batch had a performance figure */
    boolean show(List<DatasetProfile> batches, List<GoLiveMarks.Mark> golive) {
        renderer.getDatasets().clear();
        markers.clear();
        if (batches.isEmpty() || batches.stream().noneMatch(b -> b.performance().isPresent())) {
            return false;
        }
        String metric = batches.stream().flatMap(b -> b.performance().stream()).findFirst().get().metric();
        y.setName(metric);
        DoubleDataSet line = new DoubleDataSet(metric, batches.size());
        for (DatasetProfile b : batches) {
            b.performance().ifPresent(p -> line.add(ChartAxes.day(b.time().toEpochMilli()), p.value()));
        }
        String color = RunColors.hex(RunColors.series(0, theme));
        line.setStyle("-fx-line-color: " + color + "; -fx-marker-color: " + color + "; -fx-line-width: 1.6;");
        renderer.getDatasets().add(line);
        long first = batches.get(0).time().toEpochMilli();
        long last = batches.get(batches.size() - 1).time().toEpochMilli();
        long halfDay = 43_200_000L;
        List<GoLiveMarks.Mark> shown = golive.stream().filter(e -> e.timeMs() >= first - halfDay
                && e.timeMs() <= last + halfDay).sorted(Comparator.comparingLong(GoLiveMarks.Mark::timeMs)).toList();
        markers.show(shown.stream().mapToDouble(e -> ChartAxes.day(e.timeMs())).toArray(),
                shown.stream().map(GoLiveMarks.Mark::label).toList(), ChartAxes.span(first, last));
        return true;
    }

    /** Go-live markers drawn, for tests. */
    int markerCount() {
        return markers.count();
    }

    /** The markers' labels, for tests. */
    List<String> markerLabels() {
        return markers.labels();
    }
}
