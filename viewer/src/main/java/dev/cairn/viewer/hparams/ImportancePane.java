package dev.cairn.viewer.hparams;

import dev.cairn.viewer.common.ChartAxes;
import dev.cairn.viewer.common.Formats;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The importance estimate: a sorted ChartFX bar chart of permutation importance, a table with the numbers and the
 * Spearman correlation, a one-line explanation with the run count, and a progress bar while it is computed. With
 * too few runs only the explanation is shown.
 */
final class ImportancePane {
    private final HparamsViewModel vm;
    private final CategoryAxis xAxis = new CategoryAxis("param");
    private final DefaultNumericAxis yAxis = ChartAxes.numeric("importance (share of target variance)");
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer bars = new ErrorDataSetRenderer();
    private final Label explanation = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final TableView<ParamImportance> table = new TableView<>();
    private final BorderPane node = new BorderPane();

    ImportancePane(HparamsViewModel vm) {
        this.vm = vm;
        ChartStyling.plain(chart);
        chart.setId("importanceChart");
        yAxis.setForceZeroInRange(true);
        xAxis.setUnit(null);
        yAxis.setAutoRangePadding(0.1);
        bars.setPolyLineStyle(LineStyle.NONE);
        bars.setErrorStyle(ErrorStyle.NONE);
        bars.setDrawMarker(false);
        bars.setDrawBars(true);
        bars.setDynamicBarWidth(false);
        chart.widthProperty().addListener((o, a, b) -> sizeBars());
        bars.setPointReduction(false);
        chart.getRenderers().add(bars);
        explanation.setId("importanceExplanation");
        explanation.getStyleClass().add("hparams-explanation");
        explanation.setWrapText(true);
        progress.setId("importanceProgress");
        progress.progressProperty().bind(vm.importanceProgressProperty());
        progress.visibleProperty().bind(vm.importanceRunningProperty());
        progress.managedProperty().bind(vm.importanceRunningProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        table.setId("importanceTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(330);
        table.getColumns().add(column("param", p -> p.param()));
        table.getColumns().add(column("importance", p -> Double.isNaN(p.importance()) ? "—"
                : Formats.number(Math.round(p.importance() * 1000) / 1000.0)));
        table.getColumns().add(column("ρ (Spearman)", p -> Double.isNaN(p.spearman()) ? "—"
                : String.format(java.util.Locale.ROOT, "%+.2f", p.spearman())));
        HBox top = new HBox(8, progress);
        top.getStyleClass().add("hparams-controls");
        HBox.setHgrow(progress, javafx.scene.layout.Priority.ALWAYS);
        node.setTop(new VBox(top, explanation));
        node.setCenter(chart);
        node.setRight(table);
        vm.importanceProperty().addListener((o, a, b) -> show(b));
        vm.importanceRunningProperty().addListener((o, a, b) -> {
            if (b) {
                explanation.setText("Estimating importance…");
            }
        });
        show(vm.importanceProperty().get());
    }

    private static TableColumn<ParamImportance, String> column(String title,
                                                               java.util.function.Function<ParamImportance, String> f) {
        TableColumn<ParamImportance, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    BorderPane node() {
        return node;
    }

    XYChart chart() {
        return chart;
    }

    /** Bars take 60% of each category's slot. */
    private void sizeBars() {
        int n = Math.max(1, table.getItems().size());
        bars.setBarWidth((int) Math.max(4, 0.6 * Math.max(100, chart.getWidth() - 80) / n));
    }

    private void show(ImportanceReport report) {
        if (report == null) {
            explanation.setText("");
            chart.getDatasets().clear();
            table.getItems().clear();
            return;
        }
        explanation.setText(report.explanation());
        if (!report.reliable()) {
            chart.getDatasets().clear();
            table.getItems().clear();
            chart.setVisible(false);
            return;
        }
        chart.setVisible(true);
        List<ParamImportance> params = report.params();
        double[] xs = new double[params.size()];
        double[] ys = new double[params.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
            ys[i] = params.get(i).importance();
        }
        xAxis.setCategories(params.stream().map(ParamImportance::param).toList());
        xAxis.setAutoRanging(false);
        xAxis.set(-0.5, params.size() - 0.5);
        DoubleDataSet set = new DoubleDataSet("importance", xs, ys, xs.length, true);
        String color = ChartStyling.hex(ColorScale.color(0.35));
        set.setStyle("-fx-marker-color: " + color + "; -fx-stroke: " + color + "; -fx-fill: " + color + ";");
        chart.getDatasets().setAll(set);
        table.getItems().setAll(params);
        sizeBars();
    }
}
