package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DatasetProfile;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Performance over time (ChartFX): the model's accuracy or RMSE per batch, computed over every row that has a
 * prediction and a label, with the registry's go-live events (promotions to Production, rollbacks) as vertical
 * markers on the same date axis as the score chart; labels of markers close together are stacked, not overlapped.
 */
final class PerformanceChart extends StackPane {
    /** Markers closer than this share of the time range get their labels on different heights. */
    static final double LABEL_CLEARANCE = 0.18;
    private static final double[] LABEL_HEIGHTS = {0.08, 0.22, 0.36, 0.5};

    private final DefaultNumericAxis x = ChartAxes.dates("batch date");
    private final DefaultNumericAxis y = ChartAxes.numeric("accuracy");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final Theme theme;
    private final List<XValueIndicator> markers = new ArrayList<>();

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
    boolean show(List<DatasetProfile> batches, List<ModelEvent> golive) {
        renderer.getDatasets().clear();
        chart.getPlugins().removeAll(markers);
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
        List<ModelEvent> shown = golive.stream().filter(e -> e.timeMs() >= first - halfDay
                && e.timeMs() <= last + halfDay).sorted(Comparator.comparingLong(ModelEvent::timeMs)).toList();
        double[] eventDays = shown.stream().mapToDouble(e -> ChartAxes.day(e.timeMs())).toArray();
        int[] levels = labelLevels(eventDays, Math.max(1e-3, ChartAxes.day(last) - ChartAxes.day(first)));
        for (int i = 0; i < shown.size(); i++) {
            ModelEvent e = shown.get(i);
            String label = e.action() == EventAction.ROLLBACK ? "rollback to v" + e.version()
                    : "v" + e.version() + " live";
            XValueIndicator marker = new XValueIndicator(x, eventDays[i], label);
            marker.setEditable(false);
            marker.setLabelPosition(LABEL_HEIGHTS[levels[i] % LABEL_HEIGHTS.length]);
            markers.add(marker);
        }
        chart.getPlugins().addAll(markers);
        return true;
    }

    /**
     * The label height level of each marker at {@code xs} (ascending) on an axis of {@code range}: 0 unless the
     * marker is within {@link #LABEL_CLEARANCE} of the range of an earlier marker on the same level.
     */
    static int[] labelLevels(double[] xs, double range) {
        int[] levels = new int[xs.length];
        List<Double> lastOnLevel = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            int level = 0;
            while (level < lastOnLevel.size() && xs[i] - lastOnLevel.get(level) < LABEL_CLEARANCE * range) {
                level++;
            }
            if (level == lastOnLevel.size()) {
                lastOnLevel.add(xs[i]);
            } else {
                lastOnLevel.set(level, xs[i]);
            }
            levels[i] = level;
        }
        return levels;
    }

    /** Go-live markers drawn, for tests. */
    int markerCount() {
        return markers.size();
    }

    /** The markers' label positions, for tests. */
    List<Double> labelPositions() {
        return markers.stream().map(XValueIndicator::getLabelPosition).toList();
    }
}
