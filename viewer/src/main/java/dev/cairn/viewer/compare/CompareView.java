package dev.cairn.viewer.compare;

import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.RunColors;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.Theme;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The compare view: the side-by-side table (differences only, key search, reference run) above the grid of metric
 * charts. Builds nodes and binds them to the {@link CompareViewModel}; no store work.
 */
public final class CompareView {
    private final CompareViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label notice = new Label();
    private final CompareTableView tableView;
    private final ChartsView chartsView;

    public CompareView(CompareViewModel vm, Theme theme, TaskRunner runner) {
        this.vm = vm;
        Map<String, Color> runColors = RunColors.assign(vm.runIds(), theme);
        Function<String, Color> colors = key -> runColors.containsKey(key) ? runColors.get(key)
                : RunColors.of(key, theme);
        this.tableView = new CompareTableView(vm, colors);
        this.chartsView = new ChartsView(vm.charts(), colors, runner, notice::setText);
        VBox table = new VBox(tableBar(), tableView.table());
        VBox.setVgrow(tableView.table(), Priority.ALWAYS);
        SplitPane split = new SplitPane(table, chartsView.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34);
        root.setCenter(split);
        notice.getStyleClass().add("compare-notice");
        vm.errorProperty().addListener((o, a, b) -> notice.setText(b == null ? "" : b));
        HBox bottom = new HBox(notice);
        bottom.getStyleClass().add("status-bar");
        root.setBottom(bottom);
        root.getStyleClass().add("compare-view");
        root.getProperties().put(CompareView.class, this);
    }

    private Node tableBar() {
        Label title = new Label();
        title.getStyleClass().add("compare-title");
        title.setText("Comparing " + vm.runIds().size() + " runs");
        CheckBox diffs = new CheckBox("Differences only");
        diffs.setId("differencesOnly");
        diffs.selectedProperty().bindBidirectional(vm.differencesOnlyProperty());
        TextField search = new TextField();
        search.setId("keySearch");
        search.setPromptText("Search keys (lr, val/*)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<RunDetails> reference = new ComboBox<>();
        reference.setId("referenceRun");
        reference.setPromptText("No reference run");
        reference.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunDetails d) {
                return d == null ? "No reference run" : "Reference: " + ChartsViewModel.runLabel(d);
            }

            @Override
            public RunDetails fromString(String s) {
                return null;
            }
        });
        vm.runs().addListener((ListChangeListener<RunDetails>) c -> {
            List<RunDetails> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.runs());
            String current = vm.referenceProperty().get();
            reference.getItems().setAll(items);
            reference.setValue(vm.runs().stream().filter(d -> d.run().id().equals(current)).findFirst()
                    .orElse(null));
        });
        reference.valueProperty().addListener((o, a, b) -> vm.referenceProperty().set(b == null ? null
                : b.run().id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, search, reference, diffs);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    public Node node() {
        return root;
    }

    /** The side-by-side table (for tests). */
    public javafx.scene.control.TableView<CompareRow> table() {
        return tableView.table();
    }

    /** The chart views of the grid, in grid order (for tests and benchmarks). */
    List<MetricChartView> chartViews() {
        return chartsView.chartViews();
    }
}
