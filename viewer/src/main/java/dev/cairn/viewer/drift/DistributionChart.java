package dev.cairn.viewer.drift;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.layout.StackPane;

/**
 * Reference vs batch (ChartFX): overlaid filled histograms for numeric columns, grouped bars per category for
 * categorical ones, as shares of rows.
 */
final class DistributionChart extends StackPane {
    private final CategoryAxis categories = new CategoryAxis("value");
    private final DefaultNumericAxis numbers = new DefaultNumericAxis("value");
    private final DefaultNumericAxis shareAxis = new DefaultNumericAxis("share of rows");
    private final DefaultNumericAxis shareAxis2 = new DefaultNumericAxis("share of rows");
    private final XYChart histogram = new XYChart(numbers, shareAxis);
    private final XYChart bars = new XYChart(categories, shareAxis2);
    private final ErrorDataSetRenderer histogramRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer barRenderer = new ErrorDataSetRenderer();

    DistributionChart() {
        setId("drift-distribution-chart");
        histogram.setAnimated(false);
        bars.setAnimated(false);
        numbers.setAutoRangeRounding(false);
        shareAxis.setForceZeroInRange(true);
        shareAxis2.setForceZeroInRange(true);
        categories.setAutoRanging(false);
        histogramRenderer.setPolyLineStyle(LineStyle.HISTOGRAM_FILLED).setDrawMarker(false)
                .setErrorStyle(ErrorStyle.NONE);
        histogram.getRenderers().setAll(histogramRenderer);
        barRenderer.setPolyLineStyle(LineStyle.NONE).setDrawMarker(false).setErrorStyle(ErrorStyle.NONE)
                .setDrawBars(true).setShiftBar(true).setDynamicBarWidth(true);
        barRenderer.setBarWidthPercentage(35);
        bars.getRenderers().setAll(barRenderer);
        getChildren().addAll(histogram, bars);
        show(null);
    }

    void show(Distribution d) {
        histogramRenderer.getDatasets().clear();
        barRenderer.getDatasets().clear();
        histogram.setVisible(d != null && d.numeric());
        bars.setVisible(d != null && !d.numeric());
        if (d == null) {
            return;
        }
        String title = d.column() + ": reference vs batch";
        if (d.numeric()) {
            histogram.setTitle(title);
            DoubleDataSet ref = new DoubleDataSet("reference", d.labels().size());
            DoubleDataSet cur = new DoubleDataSet("batch", d.labels().size());
            for (int i = 0; i < d.labels().size(); i++) {
                double mid = (d.edges()[i] + d.edges()[i + 1]) / 2;
                ref.add(mid, d.reference()[i]);
                cur.add(mid, d.batch()[i]);
            }
            histogramRenderer.getDatasets().addAll(ref, cur);
        } else {
            bars.setTitle(title);
            categories.setCategories(d.labels());
            categories.setMin(-0.5);
            categories.setMax(d.labels().size() - 0.5);
            DoubleDataSet ref = new DoubleDataSet("reference", d.labels().size());
            DoubleDataSet cur = new DoubleDataSet("batch", d.labels().size());
            for (int i = 0; i < d.labels().size(); i++) {
                ref.add(i, d.reference()[i]);
                cur.add(i, d.batch()[i]);
            }
            barRenderer.getDatasets().addAll(ref, cur);
        }
    }

    /** True when the categorical (grouped bars) chart is showing, for tests. */
    boolean showsBars() {
        return bars.isVisible();
    }
}
