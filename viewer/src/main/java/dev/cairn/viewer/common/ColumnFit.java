package dev.cairn.viewer.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sizes table columns to their longest text (the header in bold, each row's text in bold or regular), so names,
 * dates and scores are not cut with "…". Call it when the rows change; the table scrolls sideways when the sum
 * does not fit.
 */
public final class ColumnFit {
    /** The font size the theme's tables use. */
    private static final double FONT_SIZE = 14;
    /** A cell's left and right padding plus room for the column separator. */
    private static final double CELL_PADDING = 20;

    private ColumnFit() {
    }

    /**
     * Sets each column's preferred width to its longest text: {@code texts} says what a column shows for a row
     * (columns not in it: the cell value's text); rows matching {@code bold} are measured in bold.
     */
    public static <T> void fit(TableView<T> table, Map<TableColumn<T, ?>, Function<T, String>> texts,
                               Predicate<T> bold, double extra) {
        String family = Font.getDefault().getFamily();
        Font boldFont = Font.font(family, FontWeight.BOLD, FONT_SIZE);
        Font regular = Font.font(family, FONT_SIZE);
        for (TableColumn<T, ?> column : table.getColumns()) {
            if (!column.isVisible()) {
                continue;
            }
            Function<T, String> text = texts.get(column);
            double width = width(column.getText(), boldFont);
            for (T row : table.getItems()) {
                String s;
                if (text != null) {
                    s = text.apply(row);
                } else {
                    Object v = column.getCellObservableValue(row) == null ? null
                            : column.getCellObservableValue(row).getValue();
                    s = v == null ? "" : v.toString();
                }
                width = Math.max(width, width(s, bold.test(row) ? boldFont : regular));
            }
            column.setPrefWidth(Math.ceil(width + CELL_PADDING + (text != null ? extra : 0)));
        }
    }

    /** The width of {@code s} in {@code font}. */
    public static double width(String s, Font font) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
