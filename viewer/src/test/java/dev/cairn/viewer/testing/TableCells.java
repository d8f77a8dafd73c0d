package dev.cairn.viewer.testing;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import org.testfx.api.FxRobot;

import java.util.function.Predicate;

/**
 * Finds the cell a user clicks to select a table row.
 *
 * <p>Clicking a row's centre is not the same as selecting it: the centre can hold a hyperlink (the registry's source
 * run link navigates away instead of selecting), and a lookup over the whole scene also meets the rows of other
 * tables still in it. Tests click the first column's cell of the row, found inside one view only.
 */
public final class TableCells {
    private TableCells() {
    }

    /** The first-column cell, inside {@code scope}, of the row whose item matches {@code item}. */
    public static Node firstCellOfRow(FxRobot robot, Node scope, Predicate<Object> item) {
        return robot.from(scope).lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableRow() != null
                && c.getTableRow().getItem() != null && item.test(c.getTableRow().getItem())
                && c.getTableView() != null && !c.getTableView().getVisibleLeafColumns().isEmpty()
                && c.getTableColumn() == c.getTableView().getVisibleLeafColumn(0)).query();
    }
}
