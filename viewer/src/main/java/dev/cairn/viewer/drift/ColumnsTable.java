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
        TableColumn<ColumnRow, String> type = text("Type", r -> r.result().type().label(), 90);
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
                        !empty && item != null && item.drifted());
                setStyle(!empty && item != null && item.drifted() ? "-fx-font-weight: bold;" : "");
            }
        });
        setPlaceholder(new javafx.scene.control.Label("No batch selected"));
        rows.addListener((javafx.collections.ListChangeListener<ColumnRow>) c -> fitColumns());
        fitColumns();
    }

    /**
     * Sets each column's width to its longest text: the header and drifted rows in bold, other rows in the regular
     * font.
     */
    private void fitColumns() {
        String family = javafx.scene.text.Font.getDefault().getFamily();
        javafx.scene.text.Font bold = javafx.scene.text.Font.font(family, javafx.scene.text.FontWeight.BOLD,
                FONT_SIZE);
        javafx.scene.text.Font regular = javafx.scene.text.Font.font(family, FONT_SIZE);
        for (TableColumn<ColumnRow, ?> column : getColumns()) {
            double width = textWidth(column.getText(), bold);
            for (ColumnRow row : getItems()) {
                Object value = column.getCellObservableValue(row) == null ? null
                        : column.getCellObservableValue(row).getValue();
                String text = value instanceof Boolean b ? (b ? "drifted" : "no") : String.valueOf(value);
                width = Math.max(width, textWidth(text, row.drifted() ? bold : regular));
            }
            column.setPrefWidth(Math.ceil(width + CELL_PADDING));
        }
    }

    private static double textWidth(String s, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The font size the theme's tables use. */
    private static final double FONT_SIZE = 14;
    /** A cell's left and right padding plus room for the column separator. */
    private static final double CELL_PADDING = 20;

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
