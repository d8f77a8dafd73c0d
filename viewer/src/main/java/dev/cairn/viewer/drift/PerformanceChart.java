package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
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
 * Performance over time (ChartFX): the model's accuracy or RMSE per batch, computed over every row that has a
 * prediction and a label, with the registry's go-live events (promotions to Production, rollbacks) as vertical
 * markers on the same day axis as the score chart.
 */
final class PerformanceChart extends StackPane {
    private final DefaultNumericAxis x = new DefaultNumericAxis("days since first batch");
    private final DefaultNumericAxis y = new DefaultNumericAxis("accuracy");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private int markers;

    PerformanceChart() {
        setId("drift-performance-chart");
        chart.setTitle("Performance over time");
        chart.setAnimated(false);
        x.setAutoRangeRounding(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL).setDrawMarker(true).setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().setAll(renderer);
        chart.setLegendVisible(false);
        getChildren().add(chart);
    }

    /** @return true when any batch had a performance figure */
    boolean show(List<DatasetProfile> batches, List<ModelEvent> golive) {
        renderer.getDatasets().clear();
        chart.getPlugins().removeIf(p -> p instanceof XValueIndicator);
        markers = 0;
        if (batches.isEmpty() || batches.stream().noneMatch(b -> b.performance().isPresent())) {
            return false;
        }
        long t0 = batches.get(0).time().toEpochMilli();
        String metric = batches.stream().flatMap(b -> b.performance().stream()).findFirst().get().metric();
        y.setName(metric);
        DoubleDataSet line = new DoubleDataSet(metric, batches.size());
        for (DatasetProfile b : batches) {
            b.performance().ifPresent(p -> line.add((b.time().toEpochMilli() - t0) / 86_400_000.0, p.value()));
        }
        renderer.getDatasets().add(line);
        double last = (batches.get(batches.size() - 1).time().toEpochMilli() - t0) / 86_400_000.0;
        for (ModelEvent e : golive) {
            double day = (e.timeMs() - t0) / 86_400_000.0;
            if (day < -0.5 || day > last + 0.5) {
                continue;
            }
            String label = e.action() == EventAction.ROLLBACK ? "rollback to v" + e.version() : "v" + e.version() + " live";
            XValueIndicator marker = new XValueIndicator(x, day, label);
            marker.setEditable(false);
            chart.getPlugins().add(marker);
            markers++;
        }
        return true;
    }

    /** Go-live markers drawn, for tests. */
    int markerCount() {
        return markers;
    }
}
