package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.PngExport;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.animation.PauseTransition;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One ChartFX chart bound to a {@link ChartViewModel}: the last value per bucket over a faint min/max band (and a
 * faint raw line under the smoothed one), box/scroll zoom and pan that ask the store again for the visible range,
 * a crosshair readout of every line's value, a clickable legend and PNG/CSV export.
 */
final class MetricChartView {
    private static final double FAINT = 0.3;
    /** Above this many lines the min/max bands are left out: they would cover the chart and slow drawing. */
    static final int MAX_BANDS = 12;
    /** How long a zoom or pan gesture must rest before the store is asked for the new range. */
    static final int ZOOM_SETTLE_MS = 80;

    private final ChartViewModel vm;
    private final ChartOptions options;
    private final Function<String, Color> colors;
    private final TaskRunner runner;
    private final Consumer<String> notice;
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("step");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer bands = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer smoothLines = new ErrorDataSetRenderer();
    /** Series of a single point: a line would be invisible, so they are drawn as a marker. */
    private final ErrorDataSetRenderer points = new ErrorDataSetRenderer();
    private final Zoomer zoomer = new Zoomer();
    private final Label readout = new Label();
    private final Label status = new Label();
    private final ChartLegend legend;
    private final VBox node = new VBox(4);
    private final PauseTransition zoomDebounce = new PauseTransition(Duration.millis(ZOOM_SETTLE_MS));
    private final Map<String, DoubleErrorDataSet> bandCache = new HashMap<>();
    private final Map<String, DoubleDataSet> lineCache = new HashMap<>();
    private boolean applyingData;

    MetricChartView(ChartViewModel vm, ChartOptions options, Function<String, Color> colors, TaskRunner runner,
                    Consumer<String> notice) {
        this.vm = vm;
        this.options = options;
        this.colors = colors;
        this.runner = runner;
        this.notice = notice;
        this.legend = new ChartLegend(options);
        setUpChart();
        node.getStyleClass().add("compare-chart");
        node.getChildren().addAll(header(), holder(), legend.node());
        vm.seriesProperty().addListener((o, a, b) -> render());
        vm.loadingProperty().addListener((o, a, b) -> updateStatus());
        vm.errorProperty().addListener((o, a, b) -> updateStatus());
        options.hidden().addListener((SetChangeListener<String>) c -> render());
        options.ignoreOutliersProperty().addListener((o, a, b) -> render());
        options.yScaleProperty().addListener((o, a, b) -> yAxis.setLogAxis(b == YScale.LOG));
        options.xAxisProperty().addListener((o, a, b) -> configureXAxis(b));
        configureXAxis(options.xAxisProperty().get());
        yAxis.setLogAxis(options.yScaleProperty().get() == YScale.LOG);
        render();
    }

    private void setUpChart() {
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setStyle("-fx-pref-height: 250px; -fx-min-height: 160px; -fx-max-height: 250px;");
        chart.getRenderers().clear();
        bands.setErrorStyle(ErrorStyle.ERRORSURFACE);
        bands.setDrawMarker(false);
        bands.setPointReduction(false);
        bands.setAllowNaNs(true);
        smoothLines.setErrorStyle(ErrorStyle.NONE);
        smoothLines.setDrawMarker(false);
        smoothLines.setPointReduction(false);
        smoothLines.setAllowNaNs(true);
        points.setErrorStyle(ErrorStyle.NONE);
        points.setPolyLineStyle(io.fair_acc.chartfx.renderer.LineStyle.NONE);
        points.setDrawMarker(true);
        points.setPointReduction(false);
        chart.getRenderers().addAll(bands, smoothLines, points);
        zoomer.setAnimated(false);
        zoomer.setSliderVisible(false);
        zoomer.setAddButtonsToToolBar(false);
        CrosshairIndicator crosshair = new CrosshairIndicator();
        crosshair.setXValueFormatter(converter(x -> vm.xText(x.doubleValue())));
        crosshair.setYValueFormatter(converter(y -> Formats.number(y.doubleValue())));
        chart.getPlugins().addAll(zoomer, crosshair);
        chart.setToolBarPinned(false);
        yAxis.setName(vm.lines().stream().map(ChartLine::metricKey).distinct().count() == 1
                ? vm.lines().get(0).metricKey() : "value");
        yAxis.setUnit(null);
        xAxis.setUnit(null);
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        xAxis.setAutoRangeRounding(false);
        xAxis.setForceZeroInRange(false);
        xAxis.widthProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0) {
                vm.setPixelWidth((int) Math.round(b.doubleValue()));
            }
        });
        xAxis.minProperty().addListener((o, a, b) -> zoomChanged());
        xAxis.maxProperty().addListener((o, a, b) -> zoomChanged());
        xAxis.autoRangingProperty().addListener((o, a, b) -> {
            if (b && vm.visibleRangeProperty().get() != null && !applyingData) {
                vm.resetZoom();
            }
        });
        zoomDebounce.setOnFinished(e -> {
            if (!xAxis.isAutoRanging()) {
                vm.zoomTo(xAxis.getMin(), xAxis.getMax());
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::showReadout);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
    }

    private static javafx.util.StringConverter<Number> converter(Function<Number, String> format) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : format.apply(n);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }

    private void zoomChanged() {
        if (applyingData || xAxis.isAutoRanging()) {
            return;
        }
        double[] v = vm.visibleRangeProperty().get();
        if (v == null || v[0] != xAxis.getMin() || v[1] != xAxis.getMax()) {
            zoomDebounce.playFromStart();
        }
    }

    private Node header() {
        Label title = new Label(vm.title());
        title.getStyleClass().add("compare-chart-title");
        status.getStyleClass().add("compare-chart-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reset = new Button(null, new FontIcon(Material2MZ.ZOOM_OUT_MAP));
        reset.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reset.setTooltip(new Tooltip("Reset zoom"));
        reset.setOnAction(e -> resetZoom());
        MenuItem png = new MenuItem("Save chart as PNG…");
        png.setOnAction(e -> savePng());
        MenuItem plotted = new MenuItem("Save plotted data as CSV…");
        plotted.setOnAction(e -> savePlottedCsv());
        MenuItem raw = new MenuItem("Save raw points of the visible range as CSV…");
        raw.setOnAction(e -> saveRawCsv());
        MenuButton export = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), png, plotted, raw);
        export.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        export.setTooltip(new Tooltip("Export this chart"));
        HBox box = new HBox(6, title, status, spacer, reset, export);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private Node holder() {
        readout.getStyleClass().add("compare-readout");
        readout.setManaged(false);
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        StackPane holder = new StackPane(chart, readout);
        VBox.setVgrow(holder, Priority.ALWAYS);
        return holder;
    }

    private void configureXAxis(XAxisMode mode) {
        xAxis.setTimeAxis(mode == XAxisMode.WALL_TIME);
        xAxis.setName(switch (mode) {
            case STEP -> "step";
            case WALL_TIME -> "wall time";
            case RELATIVE_TIME -> "seconds since start";
        });
        zoomer.zoomStackDeque().clear();
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(true);
    }

    /** Back to the whole series (the same as the Zoomer's "zoom to origin"). */
    void resetZoom() {
        zoomer.zoomStackDeque().clear();
        applyingData = true;
        xAxis.setAutoRanging(true);
        yAxis.setAutoRanging(options.ignoreOutliersProperty().get() ? false : true);
        applyingData = false;
        vm.resetZoom();
    }

    private Color color(String key) {
        return colors.apply(key);
    }

    private void render() {
        List<PlotSeries> shown = new ArrayList<>();
        for (PlotSeries s : vm.seriesProperty().get()) {
            if (!options.hidden().contains(s.id())) {
                shown.add(s);
            }
        }
        boolean smoothing = options.smoothingWeight() > 0;
        List<DataSet> bandSets = new ArrayList<>();
        List<DataSet> lineSets = new ArrayList<>();
        List<DataSet> pointSets = new ArrayList<>();
        Map<String, DoubleErrorDataSet> nextBands = new HashMap<>();
        Map<String, DoubleDataSet> nextLines = new HashMap<>();
        for (PlotSeries s : shown) {
            int n = s.size();
            double[] below = new double[n];
            double[] above = new double[n];
            for (int i = 0; i < n; i++) {
                below[i] = Double.isNaN(s.min()[i]) ? 0 : Math.max(0, s.y()[i] - s.min()[i]);
                above[i] = Double.isNaN(s.max()[i]) ? 0 : Math.max(0, s.max()[i] - s.y()[i]);
            }
            Color c = color(s.colorKey());
            DoubleErrorDataSet band = bandSets(s.id(), s.label());
            style(band, "-fx-line-color: " + (smoothing ? RunColors.rgba(c, FAINT) : RunColors.hex(c))
                    + "; -fx-line-width: " + (smoothing ? 1 : 1.6) + ";"
                    + (n == 1 ? " -fx-marker-color: " + RunColors.hex(c) + "; -fx-marker-size: 4;" : ""));
            band.set(s.x(), s.y(), below, above, n, true);
            nextBands.put(s.id(), band);
            (n == 1 ? pointSets : bandSets).add(band);
            if (smoothing) {
                DoubleDataSet line = lineSets(s.id(), s.label());
                style(line, "-fx-line-color: " + RunColors.hex(c) + "; -fx-line-width: 1.8;");
                line.set(s.x(), s.smoothed(), n, true);
                nextLines.put(s.id(), line);
                lineSets.add(line);
            }
        }
        bandCache.keySet().retainAll(nextBands.keySet());
        lineCache.keySet().retainAll(nextLines.keySet());
        bands.setErrorStyle(shown.size() <= MAX_BANDS ? ErrorStyle.ERRORSURFACE : ErrorStyle.NONE);
        applyingData = true;
        if (!sameSets(bands.getDatasets(), bandSets)) {
            bands.getDatasets().setAll(bandSets);
        }
        if (!sameSets(points.getDatasets(), pointSets)) {
            points.getDatasets().setAll(pointSets);
        }
        if (!sameSets(smoothLines.getDatasets(), lineSets)) {
            smoothLines.getDatasets().setAll(lineSets);
        }
        double[] y = vm.yRange();
        if (y != null) {
            yAxis.setAutoRanging(false);
            yAxis.set(y[0], y[1]);
        } else if (vm.visibleRangeProperty().get() == null) {
            yAxis.setAutoRanging(true);
        }
        applyingData = false;
        legend.show(vm.seriesProperty().get(), this::color);
        updateStatus();
    }

    private DoubleErrorDataSet bandSets(String id, String label) {
        return bandCache.computeIfAbsent(id, k -> new DoubleErrorDataSet(label));
    }

    private DoubleDataSet lineSets(String id, String label) {
        return lineCache.computeIfAbsent(id, k -> new DoubleDataSet(label + " (smoothed)"));
    }

    private static void style(io.fair_acc.dataset.spi.AbstractDataSet<?> set, String style) {
        if (!style.equals(set.getStyle())) {
            set.setStyle(style);
        }
    }

    private static boolean sameSets(List<DataSet> current, List<DataSet> next) {
        if (current.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (current.get(i) != next.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void updateStatus() {
        String err = vm.errorProperty().get();
        status.setText(err != null ? err : vm.loadingProperty().get() ? "loading…" : vm.summary());
    }

    private void showReadout(MouseEvent e) {
        Point2D p = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = xAxis.getValueForDisplay(p.getX());
        String text = vm.readoutText(x);
        if (text == null || p.getX() < 0 || p.getX() > xAxis.getWidth()) {
            readout.setVisible(false);
            return;
        }
        readout.setText(text);
        readout.autosize();
        Point2D local = readout.getParent().sceneToLocal(e.getSceneX(), e.getSceneY());
        double w = readout.getWidth();
        double px = local.getX() + 14 + w > chart.getWidth() ? local.getX() - 14 - w : local.getX() + 14;
        readout.relocate(Math.max(0, px), Math.max(0, local.getY() - 10));
        readout.setVisible(true);
    }

    private File chooseFile(String title, String ext, String description) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + ext));
        chooser.setInitialFileName(vm.title().replaceAll("[^A-Za-z0-9._-]+", "_") + "." + ext);
        return chooser.showSaveDialog(node.getScene().getWindow());
    }

    private void savePng() {
        File f = chooseFile("Save chart as PNG", "png", "PNG image (*.png)");
        if (f != null) {
            dev.cairn.viewer.common.PngExport.save(node, f.toPath(), runner, saved -> notice.accept("Saved "
                    + f.getName()), e -> notice.accept("Could not save " + f.getName() + ": " + UserMessages.of(e)));
        }
    }

    private void savePlottedCsv() {
        File f = chooseFile("Save plotted data as CSV", "csv", "CSV (*.csv)");
        if (f != null) {
            // the plotted data lives in FX state: copy it out here, encode and write in the background
            java.io.StringWriter text = new java.io.StringWriter();
            try {
                vm.writePlottedCsv(text);
            } catch (java.io.IOException | RuntimeException e) {
                notice.accept("Could not save " + f.getName() + ": " + UserMessages.of(e));
                return;
            }
            Path target = f.toPath();
            runner.submit("Saving " + f.getName(), () -> {
                Files.writeString(target, text.toString(), StandardCharsets.UTF_8);
                return target;
            }, saved -> notice.accept("Saved " + f.getName()),
                    e -> notice.accept("Could not save " + f.getName() + ": " + UserMessages.of(e)));
        }
    }

    private void saveRawCsv() {
        File f = chooseFile("Save raw points as CSV", "csv", "CSV (*.csv)");
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        runner.submit("Exporting raw points of " + vm.title(), () -> {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                vm.writeRawCsv(w);
            }
            return target;
        }, p -> notice.accept("Saved " + p.getFileName()),
                e -> notice.accept("Could not save " + target.getFileName() + ": " + UserMessages.of(e)));
    }

    Node node() {
        return node;
    }

    /** The renderer of single-point series (drawn as markers). */
    ErrorDataSetRenderer pointRenderer() {
        return points;
    }

    XYChart chart() {
        return chart;
    }

    DefaultNumericAxis xAxis() {
        return xAxis;
    }

    ChartViewModel viewModel() {
        return vm;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MetricChartView[%s]", vm.title());
    }
}
