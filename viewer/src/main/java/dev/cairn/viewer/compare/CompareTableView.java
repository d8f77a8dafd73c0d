package dev.cairn.viewer.compare;

import dev.cairn.store.model.RunDetails;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

import java.util.function.Function;

/** The side-by-side table: a key column, then one column per compared run in the run's colour. */
final class CompareTableView {
    private final CompareViewModel vm;
    private final Function<String, Color> colors;
    private final TableView<CompareRow> table = new TableView<>();

    CompareTableView(CompareViewModel vm, Function<String, Color> colors) {
        this.vm = vm;
        this.colors = colors;
        table.setId("compareTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No rows: nothing differs, or nothing matches the key search."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // a fixed row height lets the table create cells only for the columns in view (100 runs = 100 columns)
        table.setFixedCellSize(30);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("differs"),
                        !empty && row != null && row.differs());
            }
        });
        vm.runs().addListener((ListChangeListener<RunDetails>) c -> buildColumns());
        vm.referenceProperty().addListener((o, a, b) -> {
            buildColumns();
            table.refresh();
        });
        buildColumns();
    }

    private void buildColumns() {
        table.getColumns().clear();
        TableColumn<CompareRow, String> section = new TableColumn<>("");
        section.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind().title()));
        section.setPrefWidth(80);
        section.setSortable(false);
        section.getStyleClass().add("compare-section");
        TableColumn<CompareRow, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        key.setPrefWidth(190);
        key.setSortable(false);
        table.getColumns().add(section);
        table.getColumns().add(key);
        int ref = vm.referenceIndex();
        for (int i = 0; i < vm.runs().size(); i++) {
            int index = i;
            RunDetails d = vm.runs().get(i);
            TableColumn<CompareRow, String> col = new TableColumn<>();
            Label header = new Label(ChartsViewModel.runLabel(d) + (i == ref ? "  (reference)" : ""),
                    new Circle(5, colors.apply(d.run().id())));
            header.setTooltip(new Tooltip(d.run().id()));
            col.setGraphic(header);
            col.setId("run-" + d.run().id());
            col.setSortable(false);
            col.setPrefWidth(i == ref ? 150 : 215);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.cellText(c.getValue(), index)));
            col.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                    getStyleClass().removeAll("delta-up", "delta-down");
                    CompareRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    MetricDelta delta = row == null ? null : vm.delta(row, index);
                    if (delta != null && delta.delta() != 0) {
                        getStyleClass().add(delta.delta() > 0 ? "delta-up" : "delta-down");
                    }
                }
            });
            table.getColumns().add(col);
        }
    }

    TableView<CompareRow> table() {
        return table;
    }
}
