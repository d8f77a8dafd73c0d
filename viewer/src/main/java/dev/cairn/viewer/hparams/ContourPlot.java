package dev.cairn.viewer.hparams;

import dev.cairn.viewer.common.ChartAxes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.List;

/**
 * Two numeric params (by default the two the importance estimate ranks highest) against the target: the target
 * interpolated on a grid ({@link GridInterpolation}, inverse
 * distance weighting) drawn as a ChartFX heat map with contour colours (viridis, yellow = best), the runs as dots
 * on top.
 */
final class ContourPlot {
    static final int GRID = 60;

    private final HparamsViewModel vm;
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private final CheckBox logX = new CheckBox("log x");
    private final CheckBox logY = new CheckBox("log y");
    private final DefaultNumericAxis xAxis = ChartAxes.numeric("x");
    private final DefaultNumericAxis yAxis = ChartAxes.numeric("y");
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ContourDataSetRenderer surface = new ContourDataSetRenderer();
    private final ErrorDataSetRenderer dots = new ErrorDataSetRenderer();
    private final Label note = new Label();
    private final BorderPane node = new BorderPane();
    private boolean updating;
    private boolean userPicked;

    ContourPlot(HparamsViewModel vm) {
        this.vm = vm;
        ChartStyling.plain(chart);
        xAxis.setAutoRangePadding(0);
        yAxis.setAutoRangePadding(0);
        surface.setContourType(ContourType.HEATMAP);
        surface.setSmooth(true);
        dots.setPolyLineStyle(LineStyle.NONE);
        dots.setErrorStyle(ErrorStyle.NONE);
        dots.setDrawMarker(true);
        dots.setPointReduction(false);
        chart.getRenderers().addAll(surface, dots);
        chart.setId("contourChart");
        note.getStyleClass().add("hparams-hint");
        HBox controls = new HBox(new Label("x"), x, logX, new Label("y"), y, logY, note);
        controls.getStyleClass().add("hparams-controls");
        node.setTop(controls);
        node.setCenter(chart);
        vm.tableProperty().addListener((o, a, b) -> choices());
        x.valueProperty().addListener((o, a, b) -> picked());
        y.valueProperty().addListener((o, a, b) -> picked());
        vm.importanceProperty().addListener((o, a, b) -> pickMostImportant(b));
        logX.selectedProperty().addListener((o, a, b) -> picked());
        logY.selectedProperty().addListener((o, a, b) -> picked());
        choices();
    }

    BorderPane node() {
        return node;
    }

    XYChart chart() {
        return chart;
    }

    private void choices() {
        SweepTable table = vm.tableProperty().get();
        updating = true;
        List<String> numeric = table == null ? List.of() : PlotVariables.numericParams(table);
        String oldX = x.getValue();
        String oldY = y.getValue();
        x.getItems().setAll(numeric);
        y.getItems().setAll(numeric);
        List<String> varying = table == null ? List.of()
                : table.varyingParams().stream().filter(numeric::contains).toList();
        x.setValue(oldX != null && numeric.contains(oldX) ? oldX : varying.isEmpty() ? null : varying.get(0));
        y.setValue(oldY != null && numeric.contains(oldY) ? oldY : varying.size() < 2 ? null : varying.get(1));
        updating = false;
        redraw();
    }

    private void picked() {
        if (!updating) {
            userPicked = true;
        }
        redraw();
    }

    /** Until the user picks, the axes are the two numeric params the importance estimate ranks highest. */
    private void pickMostImportant(ImportanceReport report) {
        SweepTable table = vm.tableProperty().get();
        if (userPicked || report == null || !report.reliable() || table == null) {
            return;
        }
        List<String> top = report.params().stream().map(ParamImportance::param)
                .filter(p -> table.params().containsKey(p) && table.params().get(p).isNumeric()).limit(2).toList();
        if (top.size() == 2) {
            updating = true;
            x.setValue(top.get(0));
            y.setValue(top.get(1));
            logX.setSelected(HparamsViewModel.defaultScale(table.params().get(top.get(0))) == AxisScale.LOG);
            logY.setSelected(HparamsViewModel.defaultScale(table.params().get(top.get(1))) == AxisScale.LOG);
            updating = false;
            redraw();
        }
    }

    private void redraw() {
        if (updating) {
            return;
        }
        SweepTable table = vm.tableProperty().get();
        ParamColumn cx = table == null || x.getValue() == null ? null : table.params().get(x.getValue());
        ParamColumn cy = table == null || y.getValue() == null ? null : table.params().get(y.getValue());
        if (cx == null || cy == null || cx == cy) {
            chart.getDatasets().clear();
            surface.getDatasets().clear();
            dots.getDatasets().clear();
            note.setText("Pick two different numeric params.");
            return;
        }
        boolean lx = logX.isSelected() && cx.range()[0] > 0;
        boolean ly = logY.isSelected() && cy.range()[0] > 0;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!cx.isMissing(i) && !cy.isMissing(i) && !table.targetColumn().isMissing(i)) {
                points.add(new double[] {cx.number(i), cy.number(i), table.targetColumn().number(i)});
            }
        }
        if (points.size() < 3) {
            surface.getDatasets().clear();
            dots.getDatasets().clear();
            note.setText("Too few runs with both params and the target.");
            return;
        }
        double[] px = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] py = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] pz = points.stream().mapToDouble(p -> p[2]).toArray();
        GridInterpolation.Grid grid = GridInterpolation.idw(px, py, pz, GRID, GRID, lx, ly);
        double[] flat = new double[GRID * GRID];
        for (int r = 0; r < GRID; r++) {
            System.arraycopy(grid.z()[r], 0, flat, r * GRID, GRID);
        }
        xAxis.setLogAxis(lx);
        yAxis.setLogAxis(ly);
        xAxis.setName(x.getValue());
        yAxis.setName(y.getValue());
        surface.setColorGradient(gradient(table.target().goal()));
        DoubleGridDataSet surfaceData = new DoubleGridDataSet(table.target().label(), false,
                new double[][] {grid.xs(), grid.ys()}, flat);
        DoubleDataSet runs = new DoubleDataSet("runs", px, py, px.length, true);
        runs.setStyle("-fx-marker-color: white; -fx-stroke: black; -fx-marker-size: 3;");
        surface.getDatasets().setAll(surfaceData);
        dots.getDatasets().setAll(runs);
        note.setText(points.size() + " runs; surface interpolated by inverse-distance weighting");
    }

    /** Viridis with yellow at the better end of the goal. */
    private static ColorGradient gradient(Goal goal) {
        Stop[] stops = new Stop[11];
        for (int i = 0; i <= 10; i++) {
            double t = i / 10.0;
            stops[i] = new Stop(t, ColorScale.color(goal == Goal.MAXIMISE ? t : 1 - t));
        }
        return new ColorGradient("viridis", stops);
    }
}
