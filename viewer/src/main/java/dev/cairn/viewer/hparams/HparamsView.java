package dev.cairn.viewer.hparams;

import dev.cairn.viewer.common.PngExport;
import atlantafx.base.theme.Styles;
import dev.cairn.store.model.MetricAggregate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.Locale;
import java.util.Objects;

/**
 * The hyperparameter analysis view: a target bar (metric, aggregate, goal, params shown) over tabs for parallel
 * coordinates, scatter, contour, importance and best runs, with the brushed run count and actions to send the
 * runs on. Host it anywhere; feed it run ids through {@link HparamsViewModel#setRuns}.
 */
public final class HparamsView extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(HparamsView.class);

    private final HparamsViewModel vm;
    private final ComboBox<String> metric = new ComboBox<>();
    private final ComboBox<MetricAggregate> aggregate = new ComboBox<>();
    private final ComboBox<Goal> goal = new ComboBox<>();
    private final MenuButton params = new MenuButton("Params");
    private final Label keptLabel = new Label();
    private final Label message = new Label();
    private final ParallelCoordinatesChart parallel;
    private final TabPane tabs = new TabPane();
    private final ScatterPlot scatter;
    private final ContourPlot contour;
    private final ImportancePane importance;
    private final BestRunsTable best;
    private boolean syncing;

    public HparamsView(HparamsViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        getStylesheets().add(Objects.requireNonNull(
                HparamsView.class.getResource("/dev/cairn/viewer/hparams/hparams.css")).toExternalForm());
        getStyleClass().add("hparams-view");
        setId("hparamsView");
        parallel = new ParallelCoordinatesChart(vm);
        parallel.setId("parallelCoordinates");
        setTop(toolbar());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        scatter = new ScatterPlot(vm);
        contour = new ContourPlot(vm);
        importance = new ImportancePane(vm);
        best = new BestRunsTable(vm);
        tabs.getTabs().addAll(tab("Parallel coordinates", parallelPane()), tab("Scatter", scatter.node()),
                tab("Contour", contour.node()), tab("Importance", importance.node()), tab("Best runs", best.node()));
        message.getStyleClass().add("hparams-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.setMouseTransparent(true);
        setCenter(new StackPane(tabs, message));
        bind();
    }

    /** The view-model behind this view. */
    public HparamsViewModel viewModel() {
        return vm;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private Node toolbar() {
        metric.setId("targetMetric");
        metric.setItems(vm.metricKeys());
        metric.setPromptText("metric");
        aggregate.getItems().setAll(MetricAggregate.values());
        aggregate.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MetricAggregate a) {
                return a == null ? "" : a.label();
            }

            @Override
            public MetricAggregate fromString(String s) {
                return MetricAggregate.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        goal.getItems().setAll(Goal.values());
        params.setId("paramsMenu");
        params.setGraphic(new FontIcon(Material2AL.FILTER_LIST));
        Label targetLabel = new Label("Target");
        keptLabel.setId("keptCount");
        keptLabel.getStyleClass().add("hparams-kept");
        Button select = new Button("Select", new FontIcon(Material2AL.CHECK_BOX));
        select.setId("selectKept");
        select.setTooltip(new Tooltip("Select the brushed runs in the runs table"));
        select.setOnAction(e -> vm.selectKeptRuns());
        Button compare = new Button("Compare", new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.setId("compareKept");
        compare.setTooltip(new Tooltip("Compare the brushed runs (best " + HparamsViewModel.MAX_COMPARE + ")"));
        compare.setOnAction(e -> vm.compareKeptRuns());
        Button clear = new Button("Clear brushes", new FontIcon(Material2AL.CLEAR));
        clear.setId("clearBrushes");
        clear.setOnAction(e -> vm.clearBrushes());
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.brushesProperty().get().isEmpty(),
                vm.brushesProperty()));
        Button export = new Button(null, new FontIcon(Material2MZ.SAVE_ALT));
        export.getStyleClass().addAll(Styles.BUTTON_ICON);
        export.setTooltip(new Tooltip("Save the plot shown as PNG"));
        export.setOnAction(e -> exportPng());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(targetLabel, metric, aggregate, goal, params, spacer, keptLabel, select, compare, clear,
                export);
        bar.getStyleClass().add("hparams-toolbar");
        return bar;
    }

    private Node parallelPane() {
        Label hint = new Label("Drag along an axis to keep a range (click the axis to clear it); drag an axis title"
                + " to reorder; right-click a title for log scale, flip or hide; click a line to select its run.");
        hint.getStyleClass().add("hparams-hint");
        hint.setWrapText(true);
        Hyperlink sparse = new Hyperlink();
        sparse.setId("showSparseAxes");
        sparse.textProperty().bind(Bindings.createStringBinding(() -> vm.sparseAxes().isEmpty() ? ""
                : vm.sparseAxes().size() + (vm.sparseAxes().size() == 1 ? " axis" : " axes")
                + " hidden: most highlighted runs lack " + String.join(", ", vm.sparseAxes()) + " — show",
                vm.sparseAxes()));
        sparse.visibleProperty().bind(Bindings.isNotEmpty(vm.sparseAxes()));
        sparse.managedProperty().bind(sparse.visibleProperty());
        sparse.setOnAction(e -> vm.showSparseAxes());
        BorderPane pane = new BorderPane(parallel);
        pane.setTop(sparse);
        pane.setBottom(hint);
        BorderPane.setMargin(hint, new javafx.geometry.Insets(2, 8, 4, 8));
        return pane;
    }

    private void bind() {
        vm.targetProperty().addListener((o, a, b) -> showTarget());
        metric.valueProperty().addListener((o, a, b) -> targetEdited());
        aggregate.valueProperty().addListener((o, a, b) -> targetEdited());
        goal.valueProperty().addListener((o, a, b) -> targetEdited());
        vm.paramNames().addListener((ListChangeListener<String>) c -> rebuildParamsMenu());
        vm.chosenParams().addListener((ListChangeListener<String>) c -> rebuildParamsMenu());
        keptLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            int total = vm.tableProperty().get() == null ? 0 : vm.tableProperty().get().size();
            int kept = vm.keptCountProperty().get();
            return kept == total ? total + " runs" : kept + " of " + total + " runs";
        }, vm.keptCountProperty(), vm.tableProperty()));
        showTarget();
    }

    private void showTarget() {
        Target t = vm.targetProperty().get();
        syncing = true;
        metric.setValue(t == null ? null : t.metric());
        aggregate.setValue(t == null ? MetricAggregate.LAST : t.aggregate());
        goal.setValue(t == null ? Goal.MINIMISE : t.goal());
        syncing = false;
    }

    private void targetEdited() {
        if (syncing || metric.getValue() == null || aggregate.getValue() == null || goal.getValue() == null) {
            return;
        }
        Target next = new Target(metric.getValue(), aggregate.getValue(), goal.getValue());
        if (!next.equals(vm.targetProperty().get())) {
            vm.setTarget(next);
        }
    }

    private void rebuildParamsMenu() {
        params.getItems().clear();
        SweepTable table = vm.tableProperty().get();
        for (String p : vm.paramNames()) {
            CheckBox box = new CheckBox(p + (table != null && table.params().get(p).isConstant() ? "  (one value)"
                    : ""));
            box.setSelected(vm.chosenParams().contains(p));
            box.setOnAction(e -> vm.setParamShown(p, box.isSelected()));
            CustomMenuItem item = new CustomMenuItem(box, false);
            params.getItems().add(item);
        }
        params.setText("Params (" + vm.chosenParams().size() + "/" + vm.paramNames().size() + ")");
    }

    private void exportPng() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save plot as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("hparams-" + tab.getText().toLowerCase(Locale.ROOT).replace(' ', '-') + ".png");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        dev.cairn.viewer.common.PngExport.save(tab.getContent(), file.toPath(), vm.runner(), saved -> { }, e -> {
            LOG.warn("PNG export to {} failed: {}", file, e.toString());
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, "Could not write " + file + ": "
                    + dev.cairn.viewer.common.UserMessages.of(e));
            alert.setHeaderText("Could not save the PNG");
            alert.show();
        });
    }

    /** Shows the tab with this title ("Parallel coordinates", "Scatter", "Contour", "Importance", "Best runs"). */
    public void showTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    ImportancePane importancePane() {
        return importance;
    }

    BestRunsTable bestRunsTable() {
        return best;
    }

    /** For tests: the parallel-coordinates chart. */
    ParallelCoordinatesChart parallelChart() {
        return parallel;
    }

}
