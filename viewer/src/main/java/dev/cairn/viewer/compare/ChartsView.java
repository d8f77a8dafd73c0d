package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.PngExport;
import dev.cairn.viewer.common.GroupBy;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** The metric picker, the chart settings bar and the grid of charts. */
final class ChartsView {
    private final ChartsViewModel vm;
    private final Function<String, Color> colors;
    private final TaskRunner runner;
    private final Consumer<String> notice;
    private final GridPane grid = new GridPane();
    private final List<MetricChartView> chartViews = new ArrayList<>();
    private final ComboBox<GroupBy> groupBy = new ComboBox<>();
    private final SplitPane node = new SplitPane();

    ChartsView(ChartsViewModel vm, Function<String, Color> colors, TaskRunner runner, Consumer<String> notice) {
        this.vm = vm;
        this.colors = colors;
        this.runner = runner;
        this.notice = notice;
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(8));
        grid.setId("chartGrid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        BorderPane right = new BorderPane(scroll);
        right.setTop(settingsBar());
        node.getItems().addAll(picker(), right);
        node.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(node.getItems().get(0), false);
        vm.charts().addListener((ListChangeListener<ChartViewModel>) c -> rebuildGrid());
        vm.columnsProperty().addListener((o, a, b) -> layoutGrid());
        rebuildGrid();
    }

    private Node picker() {
        TextField search = new TextField();
        search.setId("metricSearch");
        search.setPromptText("Search metrics (val/*)");
        search.textProperty().bindBidirectional(vm.metricSearchProperty());
        Button all = new Button("Pick all matching");
        all.setId("pickMatching");
        all.setMaxWidth(Double.MAX_VALUE);
        all.setOnAction(e -> vm.pickMatching());
        Button none = new Button("Clear");
        none.setOnAction(e -> vm.picked().clear());
        ListView<String> list = new ListView<>(vm.shownKeys());
        list.setId("metricList");
        list.setCellFactory(l -> new ListCell<>() {
            private final CheckBox box = new CheckBox();

            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                if (empty || key == null) {
                    setGraphic(null);
                    return;
                }
                box.setText(key);
                box.setSelected(vm.picked().contains(key));
                box.setOnAction(e -> vm.setPicked(key, box.isSelected()));
                setGraphic(box);
            }
        });
        vm.picked().addListener((ListChangeListener<String>) c -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Metrics");
        title.getStyleClass().add("pane-header");
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6, all, none);
        javafx.scene.layout.HBox.setHgrow(all, Priority.ALWAYS);
        VBox box = new VBox(6, title, search, buttons, list);
        box.setPadding(new Insets(6));
        box.setMinWidth(160);
        return box;
    }

    private Node settingsBar() {
        ChartOptions o = vm.options();
        ChoiceBox<ChartLayout> layout = choice("layoutChoice", ChartLayout.values());
        layout.valueProperty().bindBidirectional(vm.layoutProperty());
        ChoiceBox<Integer> columns = new ChoiceBox<>();
        columns.setId("columnsChoice");
        columns.getItems().addAll(1, 2, 3, 4);
        columns.setValue(vm.columnsProperty().get());
        columns.valueProperty().addListener((obs, a, b) -> vm.columnsProperty().set(b));
        columns.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n + (n == 1 ? " column" : " columns");
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.split(" ")[0]);
            }
        });
        ChoiceBox<XAxisMode> x = choice("xAxisChoice", XAxisMode.values());
        x.valueProperty().bindBidirectional(o.xAxisProperty());
        ChoiceBox<YScale> y = choice("yScaleChoice", YScale.values());
        y.valueProperty().bindBidirectional(o.yScaleProperty());
        Slider smoothing = new Slider(0, Ema.MAX_WEIGHT, 0);
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(110);
        smoothing.valueProperty().bindBidirectional(o.smoothingProperty());
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(o.smoothingProperty().asString(Locale.ROOT, "%.3f"));
        smoothingValue.setMinWidth(36);
        CheckBox outliers = new CheckBox("Ignore outliers");
        outliers.setId("ignoreOutliers");
        outliers.selectedProperty().bindBidirectional(o.ignoreOutliersProperty());
        groupBy.setId("groupBy");
        groupBy.setPromptText("No grouping");
        groupBy.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupBy g) {
                return g == null ? "No grouping" : "Group by " + g;
            }

            @Override
            public GroupBy fromString(String s) {
                return null;
            }
        });
        groupBy.setOnShowing(e -> fillGroupChoices());
        fillGroupChoices();
        groupBy.valueProperty().addListener((obs, a, b) -> o.groupByProperty().set(b));
        groupBy.disableProperty().bind(vm.layoutProperty().isEqualTo(ChartLayout.PER_RUN));
        Button resetAll = new Button("Reset zoom");
        resetAll.setId("resetAllZoom");
        resetAll.setOnAction(e -> chartViews.forEach(MetricChartView::resetZoom));
        Button savePng = new Button("Save grid as PNG…");
        savePng.setOnAction(e -> saveGridPng());
        FlowPane bar = new FlowPane(8, 6, layout, columns, new Label("x"), x, new Label("y"), y,
                new Label("Smoothing"), smoothing, smoothingValue, outliers, groupBy, resetAll, savePng);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("compare-settings");
        return bar;
    }

    private void fillGroupChoices() {
        GroupBy current = groupBy.getValue();
        List<GroupBy> items = new ArrayList<>();
        items.add(null);
        items.addAll(vm.groupChoices());
        if (!items.equals(groupBy.getItems())) {
            groupBy.getItems().setAll(items);
            groupBy.setValue(current);
        }
    }

    @SafeVarargs
    private static <T> ChoiceBox<T> choice(String id, T... values) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().addAll(values);
        return box;
    }

    private void rebuildGrid() {
        chartViews.clear();
        for (ChartViewModel chart : vm.charts()) {
            chartViews.add(new MetricChartView(chart, vm.options(), colors, runner, notice));
        }
        layoutGrid();
    }

    private void layoutGrid() {
        int cols = Math.max(1, Math.min(4, vm.columnsProperty().get()));
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < chartViews.size(); i++) {
            grid.add(chartViews.get(i).node(), i % cols, i / cols);
        }
        if (chartViews.isEmpty()) {
            Label empty = new Label("Pick metrics on the left to chart them.");
            empty.getStyleClass().add("detail-empty");
            grid.add(empty, 0, 0);
            GridPane.setHalignment(empty, javafx.geometry.HPos.CENTER);
            empty.setAlignment(Pos.CENTER);
        }
    }

    private void saveGridPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart grid as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        chooser.setInitialFileName("charts.png");
        File f = chooser.showSaveDialog(node.getScene().getWindow());
        if (f != null) {
            dev.cairn.viewer.common.PngExport.save(grid, f.toPath(), runner, saved -> notice.accept("Saved "
                    + f.getName()), e -> notice.accept("Could not save " + f.getName() + ": " + UserMessages.of(e)));
        }
    }

    Node node() {
        return node;
    }

    List<MetricChartView> chartViews() {
        return chartViews;
    }
}
