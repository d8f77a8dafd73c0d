package dev.cairn.viewer.drift;

import dev.cairn.viewer.common.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The selected batch's columns: type, test, score, p-value, threshold, drifted; drifted and worst first. Each
 * column is as wide as its longest text (measured when the rows change), so names and scores are not cut.
 */
final class ColumnsTable extends TableView<ColumnRow> {

    ColumnsTable(ObservableList<ColumnRow> rows) {
        super(rows);
        setId("drift-columns");
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        getColumns().add(text("Column", ColumnRow::name, 120));
        TableColumn<ColumnRow, String> type = text("Type", ColumnRow::kind, 90);
        type.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ColumnRow row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(empty || row == null ? null : new javafx.scene.control.Tooltip(row.type()));
            }
        });
        getColumns().add(type);
        getColumns().add(text("Test", ColumnRow::test, 100));
        getColumns().add(text("Score", r -> number(r.result().score()), 60));
        getColumns().add(text("p", r -> r.result().pValue() == null ? "—" : number(r.result().pValue()), 40));
        getColumns().add(text("Threshold", r -> number(r.result().threshold()), 70));
        TableColumn<ColumnRow, Boolean> drifted = new TableColumn<>("Drifted");
        drifted.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().drifted()));
        drifted.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                ColumnRow row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null || row == null ? null
                        : row.result().test() == null ? row.result().message() : item ? "drifted" : "no");
            }
        });
        getColumns().add(drifted);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ColumnRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drifted"),
                        !empty && item != null && item.driftedFeature());
                setStyle(!empty && item != null && item.driftedFeature() ? "-fx-font-weight: bold;" : "");
            }
        });
        setPlaceholder(new javafx.scene.control.Label("No batch selected"));
        rows.addListener((javafx.collections.ListChangeListener<ColumnRow>) c -> fitColumns());
        widthProperty().addListener((o, was, now) -> fitColumns());
        fitColumns();
    }

    /** Each column as wide as its longest text; drifted rows (bold) measured in bold. */
    private void fitColumns() {
        java.util.Map<TableColumn<ColumnRow, ?>, java.util.function.Function<ColumnRow, String>> texts =
                new java.util.HashMap<>();
        texts.put(getColumns().get(getColumns().size() - 1), r -> r.drifted() ? "drifted" : "no");
        dev.cairn.viewer.common.ColumnFit.fit(this, texts, ColumnRow::driftedFeature, 0);
        // tests, scores and verdicts keep their width; a long column name gives way (elided) so no column is pushed
        // out of view: the room left after the others, less a vertical scroll bar
        TableColumn<ColumnRow, ?> name = getColumns().get(0);
        double others = getColumns().stream().skip(1).mapToDouble(TableColumn::getPrefWidth).sum();
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - SCROLL_BAR - others;
        if (getWidth() > 0 && name.getPrefWidth() > room) {
            name.setPrefWidth(Math.max(MIN_NAME, Math.floor(room)));
        }
    }

    private static final double SCROLL_BAR = 16;
    private static final double MIN_NAME = 80;

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : Formats.significant(v, 3);
    }

    private static TableColumn<ColumnRow, String> text(String title, java.util.function.Function<ColumnRow, String> f,
                                                      double width) {
        TableColumn<ColumnRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
