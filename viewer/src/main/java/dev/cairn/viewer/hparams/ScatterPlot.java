package dev.cairn.viewer.hparams;

import dev.cairn.viewer.common.ChartAxes;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * Scatter of any two variables (params, metrics, the target), coloured by a third on the viridis scale, with log
 * axes; hovering a point shows its run, clicking selects it. Categorical values sit at their category index with
 * a little jitter. Drawn by ChartFX, one data set per colour band.
 */
final class ScatterPlot {
    private static final int COLOR_BANDS = 9;
    private static final double JITTER = 0.15;

    private final HparamsViewModel vm;
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private final ComboBox<String> colour = new ComboBox<>();
    private final CheckBox logX = new CheckBox("log x");
    private final CheckBox logY = new CheckBox("log y");
    private final DefaultNumericAxis xAxis = ChartAxes.numeric("x");
    private final DefaultNumericAxis yAxis = ChartAxes.numeric("y");
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer points = new ErrorDataSetRenderer();
    private final Label readout = new Label();
    private final BorderPane node = new BorderPane();
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int[] rows = new int[0];
    private boolean updating;

    ScatterPlot(HparamsViewModel vm) {
        this.vm = vm;
        ChartStyling.plain(chart);
        points.setPolyLineStyle(LineStyle.NONE);
        points.setErrorStyle(ErrorStyle.NONE);
        points.setDrawMarker(true);
        points.setPointReduction(false);
        chart.getRenderers().add(points);
        chart.setId("scatterChart");
        readout.getStyleClass().add("hparams-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        x.setId("scatterX");
        y.setId("scatterY");
        colour.setId("scatterColour");
        HBox controls = new HBox(new Label("x"), x, logX, new Label("y"), y, logY, new Label("colour"), colour);
        controls.getStyleClass().add("hparams-controls");
        node.setTop(controls);
        node.setCenter(new StackPane(chart, readout));
        vm.tableProperty().addListener((o, a, b) -> choices());
        for (ComboBox<String> box : List.of(x, y, colour)) {
            box.valueProperty().addListener((o, a, b) -> redraw());
        }
        logX.selectedProperty().addListener((o, a, b) -> redraw());
        logY.selectedProperty().addListener((o, a, b) -> redraw());
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int row = nearest(e);
            if (row >= 0) {
                vm.selectRun(vm.tableProperty().get().runIds().get(row));
            }
        });
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
        if (table == null) {
            x.getItems().clear();
            y.getItems().clear();
            colour.getItems().clear();
        } else {
            List<String> all = PlotVariables.all(table);
            String oldX = x.getValue();
            String oldY = y.getValue();
            String oldC = colour.getValue();
            x.getItems().setAll(all);
            y.getItems().setAll(all);
            colour.getItems().setAll(all);
            List<String> varying = table.varyingParams();
            x.setValue(all.contains(oldX) ? oldX : varying.isEmpty() ? all.get(0) : varying.get(0));
            y.setValue(all.contains(oldY) ? oldY : table.target().label());
            colour.setValue(all.contains(oldC) ? oldC : table.target().label());
        }
        updating = false;
        redraw();
    }

    private void redraw() {
        if (updating) {
            return;
        }
        SweepTable table = vm.tableProperty().get();
        ParamColumn cx = table == null ? null : PlotVariables.column(table, x.getValue()).orElse(null);
        ParamColumn cy = table == null ? null : PlotVariables.column(table, y.getValue()).orElse(null);
        if (cx == null || cy == null) {
            chart.getDatasets().clear();
            return;
        }
        ParamColumn cc = PlotVariables.column(table, colour.getValue()).orElse(table.targetColumn());
        boolean lx = logX.isSelected() && positive(cx);
        boolean ly = logY.isSelected() && positive(cy);
        xAxis.setLogAxis(lx);
        yAxis.setLogAxis(ly);
        xAxis.setName(axisName(x.getValue(), cx));
        yAxis.setName(axisName(y.getValue(), cy));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!cx.isMissing(i) && !cy.isMissing(i)) {
                kept.add(i);
            }
        }
        rows = kept.stream().mapToInt(Integer::intValue).toArray();
        xs = new double[rows.length];
        ys = new double[rows.length];
        List<List<Integer>> bands = new ArrayList<>();
        for (int b = 0; b <= COLOR_BANDS; b++) {
            bands.add(new ArrayList<>());
        }
        double[] range = cc.isNumeric() ? cc.range() : new double[] {0, Math.max(1, cc.distinctCount() - 1)};
        boolean target = cc == table.targetColumn();
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            xs[k] = value(cx, i);
            ys[k] = value(cy, i);
            double f = target ? ColorScale.fraction(cc.number(i), range[0], range[1], table.target().goal())
                    : ColorScale.fraction(cc.number(i), range[0], range[1], Goal.MAXIMISE);
            bands.get(Double.isNaN(f) ? COLOR_BANDS : (int) Math.min(COLOR_BANDS - 1, f * COLOR_BANDS)).add(k);
        }
        List<DataSet> sets = new ArrayList<>();
        for (int b = 0; b <= COLOR_BANDS; b++) {
            List<Integer> members = bands.get(b);
            if (members.isEmpty()) {
                continue;
            }
            double[] bx = new double[members.size()];
            double[] by = new double[members.size()];
            for (int m = 0; m < bx.length; m++) {
                bx[m] = xs[members.get(m)];
                by[m] = ys[members.get(m)];
            }
            DoubleDataSet set = new DoubleDataSet("band " + b, bx, by, bx.length, false);
            String color = b == COLOR_BANDS ? "#9e9e9e" : ChartStyling.hex(ColorScale.color((b + 0.5) / COLOR_BANDS));
            set.setStyle("-fx-marker-color: " + color + "; -fx-stroke: " + color + "; -fx-fill: " + color
                    + "; -fx-marker-size: 4;");
            sets.add(set);
        }
        chart.getDatasets().setAll(sets);
    }

    private static boolean positive(ParamColumn c) {
        return c.isNumeric() && c.range()[0] > 0;
    }

    private static String axisName(String name, ParamColumn c) {
        if (c.isNumeric()) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append(" (");
        for (int k = 0; k < c.categories().size() && k < 6; k++) {
            s.append(k == 0 ? "" : ", ").append(k).append('=').append(c.categories().get(k));
        }
        return s.append(c.categories().size() > 6 ? ", …)" : ")").toString();
    }

    /** A row's value on an axis: the number, or the category index with a small fixed jitter. */
    private static double value(ParamColumn c, int row) {
        if (c.isNumeric()) {
            return c.number(row);
        }
        double jitter = ((row * 2654435761L) % 1000) / 1000.0 * 2 * JITTER - JITTER;
        return c.code(row) + jitter;
    }

    private int nearest(MouseEvent e) {
        Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        int best = -1;
        double bestD = 8 * 8;
        for (int k = 0; k < rows.length; k++) {
            double dx = xAxis.getDisplayPosition(xs[k]) - p.getX();
            double dy = yAxis.getDisplayPosition(ys[k]) - p.getY();
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = rows[k];
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        int row = nearest(e);
        SweepTable table = vm.tableProperty().get();
        if (row < 0 || table == null) {
            readout.setVisible(false);
            return;
        }
        String text = table.runNames().get(row) + "\n" + x.getValue() + " = "
                + PlotVariables.column(table, x.getValue()).map(c -> c.text(row)).orElse("")
                + "\n" + y.getValue() + " = " + PlotVariables.column(table, y.getValue()).map(c -> c.text(row)).orElse("")
                + "\n" + table.target().label() + " = " + table.targetColumn().text(row);
        readout.setText(text);
        readout.autosize();
        Point2D local = node.getCenter().sceneToLocal(e.getSceneX(), e.getSceneY());
        readout.relocate(local.getX() + 12, local.getY() + 8);
        readout.setVisible(true);
    }
}
