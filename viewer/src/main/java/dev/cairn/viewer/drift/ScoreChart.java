package dev.cairn.viewer.drift;

import dev.cairn.store.drift.DriftReport;
import dev.cairn.viewer.common.ChartAxes;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.Theme;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * Score over time (ChartFX): one line per charted column, the score normalised to its threshold so columns with
 * different tests share one axis; the threshold is the line at 1; drifted batches are marked with points
 * (the normalised score is capped at {@link DriftReport.Column#MAX_SEVERITY}).
 * The x axis shows dates, as the heatmap does.
 */
final class ScoreChart extends StackPane {
    private final DefaultNumericAxis x = ChartAxes.dates("batch date");
    private final DefaultNumericAxis y = ChartAxes.numeric("score / threshold");
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer lines = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer marks = new ErrorDataSetRenderer();
    private final Theme theme;

    ScoreChart(Theme theme) {
        this.theme = theme;
        setId("drift-score-chart");
        chart.setTitle("Drift score over time");
        chart.setAnimated(false);
        y.setAutoRanging(true);
        lines.setPolyLineStyle(LineStyle.NORMAL).setDrawMarker(false).setErrorStyle(ErrorStyle.NONE);
        marks.setPolyLineStyle(LineStyle.NONE).setDrawMarker(true).setErrorStyle(ErrorStyle.NONE);
        marks.setShowInLegend(false);
        y.setForceZeroInRange(true);
        chart.getRenderers().setAll(lines, marks);
        YValueIndicator threshold = new YValueIndicator(y, 1.0, "threshold");
        threshold.setEditable(false);
        chart.getPlugins().add(threshold);
        getChildren().add(chart);
    }

    void show(DriftReport report, List<String> columns) {
        lines.getDatasets().clear();
        marks.getDatasets().clear();
        if (report == null || report.batches().isEmpty()) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            DoubleDataSet line = new DoubleDataSet(column, report.batches().size());
            DoubleDataSet drifted = new DoubleDataSet(column + " drifted", report.batches().size());
            for (DriftReport.Batch b : report.batches()) {
                double days = ChartAxes.day(b.time().toEpochMilli());
                b.column(column).ifPresent(c -> {
                    line.add(days, c.severity());
                    if (c.drifted()) {
                        drifted.add(days, c.severity());
                    }
                });
            }
            String color = RunColors.hex(RunColors.series(i, theme));
            line.setStyle("-fx-line-color: " + color + "; -fx-line-width: 1.6;");
            drifted.setStyle("-fx-marker-color: " + color + "; -fx-marker-size: 3;");
            lines.getDatasets().add(line);
            marks.getDatasets().add(drifted);
        }
    }

    /** The chart, for tests. */
    XYChart chart() {
        return chart;
    }

    /** The x axis (dates), for tests. */
    DefaultNumericAxis xAxis() {
        return x;
    }

    /** Points per charted line, for tests. */
    int lineCount() {
        return lines.getDatasets().size();
    }
}
