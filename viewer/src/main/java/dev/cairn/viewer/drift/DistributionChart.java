package dev.cairn.viewer.drift;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import dev.cairn.viewer.common.ChartAxes;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.Theme;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * Reference vs batch (ChartFX): overlaid histograms for numeric columns, filled with transparency so both stay
 * visible where they overlap, grouped bars per category for categorical ones, as shares of rows.
 */
final class DistributionChart extends StackPane {
    /** How opaque the filled histograms are. */
    static final double FILL_OPACITY = 0.55;
    private final CategoryAxis categories = new CategoryAxis("value");
    private final DefaultNumericAxis numbers = ChartAxes.numeric("value");
    private final DefaultNumericAxis shareAxis = ChartAxes.numeric("share of rows");
    private final DefaultNumericAxis shareAxis2 = ChartAxes.numeric("share of rows");
    private final XYChart histogram = new XYChart(numbers, shareAxis);
    private final XYChart bars = new XYChart(categories, shareAxis2);
    private final ErrorDataSetRenderer histogramRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer barRenderer = new ErrorDataSetRenderer();

    private final Color referenceColor;
    private final Color batchColor;

    DistributionChart(Theme theme) {
        setId("drift-distribution-chart");
        referenceColor = RunColors.series(0, theme);
        batchColor = RunColors.series(1, theme);
        categories.setUnit(null);
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

    /** The style of the numeric histogram's datasets (reference, batch), for tests. */
    java.util.List<String> histogramStyles() {
        return histogramRenderer.getDatasets().stream().map(d -> d.getStyle()).toList();
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
            ref.setStyle(fill(referenceColor));
            cur.setStyle(fill(batchColor));
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
            ref.setStyle(fill(referenceColor));
            cur.setStyle(fill(batchColor));
            barRenderer.getDatasets().addAll(ref, cur);
        }
    }

    /**
     * A dataset style: {@code c} with {@link #FILL_OPACITY}. ChartFX fills a filled histogram (and draws bars) with
     * the dataset's line colour and ignores {@code -fx-fill}, so the transparency goes into the line colour: where
     * reference and batch overlap, both show.
     */
    static String fill(Color c) {
        return "-fx-line-color: " + RunColors.rgba(c, FILL_OPACITY) + "; -fx-line-width: 1.4;";
    }

    /** True when the categorical (grouped bars) chart is showing, for tests. */
    boolean showsBars() {
        return bars.isVisible();
    }
}
