package dev.cairn.viewer.hparams;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * The best runs by the target with their params (the axes shown); one button compares them all, a double-click
 * selects a run.
 */
final class BestRunsTable {
    private final HparamsViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final BorderPane node = new BorderPane();

    BestRunsTable(HparamsViewModel vm) {
        this.vm = vm;
        table.setId("bestRunsTable");
        table.setPlaceholder(new Label("No run has the target metric."));
        table.setRowFactory(t -> {
            TableRow<Integer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.selectRun(vm.tableProperty().get().runIds().get(row.getItem()));
                }
            });
            return row;
        });
        Button compare = new Button("Compare these runs", new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.setId("compareBest");
        compare.setOnAction(e -> vm.compareBestRuns());
        compare.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getItems()));
        Label hint = new Label("Top " + HparamsViewModel.BEST_RUNS + " by the target; double-click a run to select it.");
        hint.getStyleClass().add("hparams-hint");
        HBox controls = new HBox(compare, hint);
        controls.getStyleClass().add("hparams-controls");
        node.setTop(controls);
        node.setCenter(table);
        vm.bestRowsProperty().addListener((o, a, b) -> rebuild());
        vm.axesProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    BorderPane node() {
        return node;
    }

    TableView<Integer> table() {
        return table;
    }

    private void rebuild() {
        SweepTable sweep = vm.tableProperty().get();
        table.getColumns().clear();
        if (sweep == null) {
            table.getItems().clear();
            return;
        }
        List<Integer> best = vm.bestRowsProperty().get();
        table.getColumns().add(column("#", row -> String.valueOf(best.indexOf(row) + 1)));
        table.getColumns().add(column("run", row -> sweep.runNames().get(row)));
        table.getColumns().add(column(sweep.target().label(), row -> sweep.targetColumn().text(row)));
        for (String p : vm.chosenParams()) {
            ParamColumn c = sweep.params().get(p);
            if (c != null) {
                table.getColumns().add(column(p, c::text));
            }
        }
        table.getItems().setAll(best);
    }

    private static TableColumn<Integer, String> column(String title, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
