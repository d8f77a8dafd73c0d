package dev.cairn.viewer.runs;

import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.StatusIcons;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The runs table: a virtualized {@link TableView} over the view-model's rows (no per-row query), sorted in memory
 * by any column, multi-select; fixed columns (status, name, experiment, start, duration, user) then the chosen
 * param, metric and tag columns.
 */
public final class RunsTableView {
    private final TableView<RunRow> table = new TableView<>();
    private final RunsViewModel vm;
    private final int fixedColumns;

    public RunsTableView(RunsViewModel vm) {
        this.vm = vm;
        table.setId("runsTable");
        SortedList<RunRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(false);
        table.setFixedCellSize(28);

        TableColumn<RunRow, RunStatus> status = column("", 36, d -> d.run().status());
        status.setId("col-status");
        status.setCellFactory(c -> new StatusCell());
        status.setResizable(false);
        TableColumn<RunRow, String> name = column("Name", 200, d -> displayName(d.run()));
        name.setId("col-name");
        name.setCellFactory(c -> new NameCell());
        TableColumn<RunRow, String> experiment = column("Experiment", 130, d -> d.run().experimentName());
        experiment.setId("col-experiment");
        experiment.visibleProperty().bind(vm.scopeProperty().isNull());
        TableColumn<RunRow, Long> start = column("Start", 165, d -> d.run().startMs());
        start.setId("col-start");
        start.setCellFactory(textCell(v -> Formats.dateTime(v), false));
        TableColumn<RunRow, Long> duration = column("Duration", 90,
                d -> d.run().durationMs(System.currentTimeMillis()));
        duration.setId("col-duration");
        duration.setCellFactory(textCell(Formats::duration, true));
        TableColumn<RunRow, String> user = column("User", 100, d -> d.run().user());
        user.setId("col-user");
        table.getColumns().addAll(List.of(status, name, experiment, start, duration, user));
        fixedColumns = table.getColumns().size();

        vm.columns().addListener((ListChangeListener<ColumnSpec>) c -> rebuildExtraColumns());
        rebuildExtraColumns();

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                vm.selection().setAll(new ArrayList<>(table.getSelectionModel().getSelectedItems())));
        table.setRowFactory(t -> new DeletedAwareRow());

        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.loadingProperty().get() ? "Loading runs…"
                        : vm.filterProperty().get().isEmpty() ? "No runs here yet. Log runs with the cairn API or "
                        + "the command line, or import them." : "No runs match the filter.",
                vm.loadingProperty(), vm.filterProperty()));
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
    }

    private void rebuildExtraColumns() {
        List<TableColumn<RunRow, ?>> keep = new ArrayList<>(table.getColumns().subList(0, fixedColumns));
        List<TableColumn<RunRow, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
        for (ColumnSpec spec : vm.columns()) {
            TableColumn<RunRow, Object> c = column(spec.header(), spec.kind() == ColumnSpec.Kind.METRIC ? 110 : 100,
                    spec::value);
            c.setId("col-" + spec.id());
            c.setUserData(spec);
            c.setComparator(CellValues.ORDER);
            c.setCellFactory(col -> new SpecCell(spec));
            for (TableColumn<RunRow, ?> old : sortOrder) {
                if (spec.equals(old.getUserData())) {
                    sortOrder.set(sortOrder.indexOf(old), c);
                    c.setSortType(old.getSortType());
                }
            }
            keep.add(c);
        }
        table.getColumns().setAll(keep);
        sortOrder.removeIf(c -> !keep.contains(c));
        table.getSortOrder().setAll(sortOrder);
    }

    private static <T> TableColumn<RunRow, T> column(String title, double width, Function<RunDetails, T> value) {
        TableColumn<RunRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        Callback<TableColumn.CellDataFeatures<RunRow, T>, ObservableValue<T>> factory =
                f -> f.getValue().detailsProperty().map(value);
        c.setCellValueFactory(factory);
        return c;
    }

    /** The run's name, or the start of its id when it has none. */
    static String displayName(Run run) {
        return run.name() != null && !run.name().isBlank() ? run.name() : run.id().substring(0, 8);
    }

    private static <T> Callback<TableColumn<RunRow, T>, TableCell<RunRow, T>> textCell(Function<T, String> format,
                                                                                      boolean right) {
        return c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            }
        };
    }

    public TableView<RunRow> table() {
        return table;
    }

    /** Status icon. */
    private static final class StatusCell extends TableCell<RunRow, RunStatus> {
        StatusCell() {
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(RunStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : StatusIcons.icon(item));
        }
    }

    /** Name, ellipsised, with the full name as tooltip. */
    private static final class NameCell extends TableCell<RunRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.length() < 28 ? null : new javafx.scene.control.Tooltip(item));
        }
    }

    /** A param, tag or metric cell; numbers right-aligned. */
    private static final class SpecCell extends TableCell<RunRow, Object> {
        private final ColumnSpec spec;

        SpecCell(ColumnSpec spec) {
            this.spec = spec;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(spec.text(getTableRow().getItem().details()));
            setAlignment(item instanceof Double ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }
    }

    /** Greys out soft-deleted runs (shown with "Show deleted"). */
    private static final class DeletedAwareRow extends TableRow<RunRow> {
        private static final javafx.css.PseudoClass DELETED = javafx.css.PseudoClass.getPseudoClass("deleted");

        @Override
        protected void updateItem(RunRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(DELETED, !empty && item != null && item.run().lifecycle() == Lifecycle.DELETED);
        }
    }
}
