package dev.cairn.viewer.runs;

import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.StatusIcons;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The runs table: a virtualized {@link TableView} over the view-model's visible rows (no per-row query).
 * It stays a flat table rather than a TreeTableView: the rows are already a flat list built by {@link RunTree}
 * (child runs indented under their parent with a disclosure arrow, group headers "lr = 0.1 (5 runs)"), which keeps
 * the table's public shape, makes sorting within siblings and groups one in-memory pass and avoids a TreeItem (and
 * its listeners) per run. Clicking a column header sorts through the view-model; multi-select; fixed columns
 * (status, name, experiment, start, duration, user) then the chosen param, metric and tag columns.
 */
public final class RunsTableView {
    /** Compare the selected runs. */
    public static final KeyCombination COMPARE_KEYS =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final double INDENT = 16;
    /** The width a default param or metric column is counted with. */
    private static final double DEFAULT_COLUMN_WIDTH = 100;

    private final TableView<RunRow> table = new TableView<>();
    private final RunsViewModel vm;
    /** Status, name, experiment, start, duration, user: the chosen columns go between name and experiment. */
    private final List<TableColumn<RunRow, ?>> fixed;
    /** How many fixed columns come before the chosen ones (status and name). */
    private static final int LEADING = 2;
    private final Map<TableColumn<RunRow, ?>, SortKey> sortKeys = new IdentityHashMap<>();
    private final MenuItem compareItem = new MenuItem("Compare");
    private final MenuItem registerItem = new MenuItem("Register model…");
    private boolean publishing;
    /** The name cells the table made (weakly held): their tree decorations are redrawn after a row change. */
    private final Set<NameCell> nameCells = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<RunTableRow> rowCells = Collections.newSetFromMap(new WeakHashMap<>());
    /** One status tooltip per status, shared by every status cell (a tooltip is a popup window: costly). */
    private final Map<RunStatus, Tooltip> statusTips = new EnumMap<>(RunStatus.class);

    public RunsTableView(RunsViewModel vm) {
        this.vm = vm;
        table.setId("runsTable");
        table.setItems(vm.visibleRows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(false);
        table.setFixedCellSize(28);
        table.setSortPolicy(t -> {
            vm.setSort(sortOrder());
            return true;
        });

        TableColumn<RunRow, RunDetails> status = column("", 36);
        status.setId("col-status");
        status.setCellFactory(c -> new StatusCell(statusTips));
        status.setResizable(false);
        sortable(status, d -> d.run().status().name(), false, "attributes.status");
        TableColumn<RunRow, RunDetails> name = column("Name", 240);
        name.setId("col-name");
        name.setCellFactory(c -> {
            NameCell cell = new NameCell(vm);
            nameCells.add(cell);
            return cell;
        });
        sortable(name, d -> displayName(d.run()), false, "attributes.run_name");
        TableColumn<RunRow, RunDetails> experiment = column("Experiment", 130);
        experiment.setId("col-experiment");
        experiment.setCellFactory(textCell(d -> d.run().experimentName(), false));
        experiment.visibleProperty().bind(vm.scopeProperty().isNull());
        sortable(experiment, d -> d.run().experimentName(), false, "attributes.experiment");
        TableColumn<RunRow, RunDetails> start = column("Start", 165);
        start.setId("col-start");
        start.setCellFactory(textCell(d -> d.run().startMs() == null ? null : Formats.dateTime(d.run().startMs()),
                false));
        sortable(start, d -> d.run().startMs(), true, "attributes.start_time");
        TableColumn<RunRow, RunDetails> duration = column("Duration", 90);
        duration.setId("col-duration");
        duration.setCellFactory(textCell(d -> {
            Long ms = d.run().durationMs(System.currentTimeMillis());
            return ms == null ? null : Formats.duration(ms);
        }, true));
        sortable(duration, d -> d.run().durationMs(System.currentTimeMillis()), true, "attributes.duration");
        TableColumn<RunRow, RunDetails> user = column("User", 100);
        user.setId("col-user");
        user.setCellFactory(textCell(d -> d.run().user(), false));
        sortable(user, d -> d.run().user(), false, "attributes.user_id");
        table.getColumns().addAll(List.of(status, name, experiment, start, duration, user));
        fixed = List.copyOf(table.getColumns());

        vm.columns().addListener((ListChangeListener<ColumnSpec>) c -> rebuildExtraColumns());
        table.widthProperty().addListener((o, a, b) -> vm.setDefaultColumnLimit(defaultColumnRoom(b.doubleValue())));
        rebuildExtraColumns();

        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> {
            if (!publishing) {
                syncSelection();
            }
        });
        vm.setAroundRowChanges(this::keepSelectionAround);
        vm.setAfterFirstRowsShown(this::afterNextLayout);
        table.setRowFactory(t -> {
            RunTableRow row = new RunTableRow(vm);
            rowCells.add(row);
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        installRunActions();

        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.createStringBinding(() ->
                vm.loadingProperty().get() ? "Loading runs…"
                        : vm.filterProperty().get().isEmpty() ? "No runs here yet. Log runs with the cairn API or "
                        + "the command line, or import them." : "No runs match the filter.",
                vm.loadingProperty(), vm.filterProperty()));
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
    }

    /** How many default param and metric columns fit next to status and name (at least four). */
    private int defaultColumnRoom(double width) {
        double leading = 0;
        for (TableColumn<RunRow, ?> c : fixed.subList(0, LEADING)) {
            leading += c.isVisible() ? c.getWidth() : 0;
        }
        return Math.max(4, (int) ((width - leading) / DEFAULT_COLUMN_WIDTH));
    }

    /** The table's sort order as view-model sort keys. */
    private List<SortKey> sortOrder() {
        List<SortKey> keys = new ArrayList<>();
        for (TableColumn<RunRow, ?> c : table.getSortOrder()) {
            SortKey template = sortKeys.get(c);
            if (template != null) {
                keys.add(template.withDescending(c.getSortType() == TableColumn.SortType.DESCENDING));
            }
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sortable(TableColumn<RunRow, ?> column, Function<RunDetails, ?> value, boolean natural,
                          String storeName) {
        Comparator<Object> order = natural ? (a, b) -> ((Comparable) a).compareTo(b) : CellValues.ORDER;
        sortKeys.put(column, new SortKey(value, order, false, storeName));
    }

    /** Keeps the selected runs selected (and the first visible row in view) while the rows change. */
    /**
     * Runs {@code work} once the table's next layout pulse is done (its rows are laid out and go to the screen),
     * at once when the table is not showing (no pulse would come).
     */
    private void afterNextLayout(Runnable work) {
        Scene scene = table.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            work.run();
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(work);
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    private void keepSelectionAround(Runnable change) {
        List<RunRow> selected = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        RunRow focused = table.getFocusModel().getFocusedItem();
        publishing = true;
        try {
            change.run();
            List<RunRow> now = table.getSelectionModel().getSelectedItems();
            if (!now.equals(selected)) {
                table.getSelectionModel().clearSelection();
                for (RunRow r : selected) {
                    int i = table.getItems().indexOf(r);
                    if (i >= 0) {
                        table.getSelectionModel().select(i);
                    }
                }
                if (focused != null && table.getItems().contains(focused)) {
                    table.getFocusModel().focus(table.getItems().indexOf(focused));
                }
            }
        } finally {
            publishing = false;
        }
        syncSelection();
        redrawTreeDecorations();
    }

    /**
     * The rows' place in the tree (depth, arrow, group label) is not an observable of the row, so the name cells
     * draw it again after every change of the rows; the other cells follow their item and its details. This
     * replaces {@code TableView.refresh()}, which throws every row and cell away and builds them again (skins, CSS):
     * hundreds of milliseconds under the software pipeline.
     */
    private void redrawTreeDecorations() {
        for (RunTableRow r : rowCells) {
            r.mark();
        }
        for (NameCell c : nameCells) {
            c.redraw();
        }
    }

    private void syncSelection() {
        List<RunRow> runs = new ArrayList<>();
        for (RunRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null && !r.isGroup()) {
                runs.add(r);
            }
        }
        if (!runs.equals(vm.selection())) {
            vm.selection().setAll(runs);
        }
    }

    private List<String> selectedIds() {
        return vm.selection().stream().map(RunRow::id).toList();
    }

    private void keys(KeyEvent e) {
        RunRow row = table.getSelectionModel().getSelectedItem();
        if (COMPARE_KEYS.match(e) && vm.compareAvailableProperty().get()) {
            vm.compare(selectedIds());
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT && row != null && row.hasChildren() && !row.isExpanded()) {
            vm.setExpanded(row, true);
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT && row != null && row.isExpanded()) {
            vm.setExpanded(row, false);
            e.consume();
        }
    }

    /**
     * Adds "Compare" and "Register model…" to whatever context menu the table gets (the shell sets its own run
     * menu); each shows once the shell has wired it ({@link RunsViewModel#setOnCompare},
     * {@link RunsViewModel#setOnRegisterModel}) and is enabled when enough runs are selected. Ctrl+Shift+C is left
     * to the window's own menu until then.
     */
    private void installRunActions() {
        compareItem.setId("compareRuns");
        compareItem.setGraphic(new FontIcon(Material2AL.COMPARE_ARROWS));
        compareItem.setOnAction(e -> vm.compare(selectedIds()));
        compareItem.visibleProperty().bind(vm.compareAvailableProperty());
        compareItem.disableProperty().bind(Bindings.size(vm.selection()).lessThan(2));
        registerItem.setId("registerModel");
        registerItem.setGraphic(new FontIcon(Material2MZ.MODEL_TRAINING));
        registerItem.setOnAction(e -> vm.registerModel(selectedIds()));
        registerItem.visibleProperty().bind(vm.registerModelAvailableProperty());
        registerItem.disableProperty().bind(Bindings.isEmpty(vm.selection()).or(vm.readOnlyProperty()));
        table.contextMenuProperty().addListener((o, a, b) -> addRunActions(b));
        table.setContextMenu(new ContextMenu());
    }

    private void addRunActions(ContextMenu menu) {
        if (menu == null || menu.getItems().contains(compareItem)) {
            return;
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(compareItem, registerItem);
    }

    private void rebuildExtraColumns() {
        List<TableColumn<RunRow, ?>> keep = new ArrayList<>(fixed.subList(0, LEADING));
        List<TableColumn<RunRow, ?>> sortOrder = new ArrayList<>(table.getSortOrder());
        sortKeys.keySet().removeIf(c -> !fixed.contains(c));
        for (ColumnSpec spec : vm.columns()) {
            TableColumn<RunRow, RunDetails> c = column(spec.header(),
                    spec.kind() == ColumnSpec.Kind.METRIC ? 110 : 100);
            c.setId("col-" + spec.id());
            c.setUserData(spec);
            c.setCellFactory(col -> new SpecCell(spec));
            sortKeys.put(c, new SortKey(spec::value, CellValues.ORDER, false, spec.storeName()));
            for (TableColumn<RunRow, ?> old : sortOrder) {
                if (spec.equals(old.getUserData())) {
                    sortOrder.set(sortOrder.indexOf(old), c);
                    c.setSortType(old.getSortType());
                }
            }
            keep.add(c);
        }
        keep.addAll(fixed.subList(LEADING, fixed.size()));
        table.getColumns().setAll(keep);
        sortOrder.removeIf(c -> !keep.contains(c));
        table.getSortOrder().setAll(sortOrder);
    }

    /**
     * Every column's cell value is the row's details property itself: no binding is made per cell and update (a
     * {@code map} binding each time a cell shows another row was garbage and a listener each), and a live update of
     * the run still reaches its cells. The cells turn the details into text.
     */
    private static final Callback<TableColumn.CellDataFeatures<RunRow, RunDetails>, ObservableValue<RunDetails>>
            DETAILS = f -> f.getValue().detailsProperty();

    private static TableColumn<RunRow, RunDetails> column(String title, double width) {
        TableColumn<RunRow, RunDetails> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(DETAILS);
        return c;
    }

    /** The run's name, or the start of its id when it has none. */
    static String displayName(Run run) {
        return run.name() != null && !run.name().isBlank() ? run.name() : run.id().substring(0, 8);
    }

    /** A cell showing {@code text} of the run (nothing on a group header); text only, no graphic. */
    private static Callback<TableColumn<RunRow, RunDetails>, TableCell<RunRow, RunDetails>> textCell(
            Function<RunDetails, String> text, boolean right) {
        return c -> {
            TableCell<RunRow, RunDetails> cell = new TableCell<>() {
                @Override
                protected void updateItem(RunDetails item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : text.apply(item));
                }
            };
            cell.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            return cell;
        };
    }

    public TableView<RunRow> table() {
        return table;
    }

    /**
     * Status icon: one icon node per cell, its glyph and colour class changed only when the status shown changes,
     * and the tooltip shared per status.
     */
    private static final class StatusCell extends TableCell<RunRow, RunDetails> {
        private final Map<RunStatus, Tooltip> tips;
        private final FontIcon icon = new FontIcon();
        private RunStatus shown;

        StatusCell(Map<RunStatus, Tooltip> tips) {
            this.tips = tips;
            setAlignment(Pos.CENTER);
            icon.setIconSize(16);
        }

        @Override
        protected void updateItem(RunDetails item, boolean empty) {
            super.updateItem(item, empty);
            RunStatus status = empty || item == null ? null : item.run().status();
            if (status == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (status != shown) {
                if (shown != null) {
                    icon.getStyleClass().remove(StatusIcons.styleClass(shown));
                }
                icon.setIconCode(StatusIcons.ikon(status));
                icon.getStyleClass().add(StatusIcons.styleClass(status));
                shown = status;
            }
            setGraphic(icon);
            setTooltip(tips.computeIfAbsent(status, s -> new Tooltip(s.name().toLowerCase(Locale.ROOT))));
        }
    }

    /**
     * Name, indented by nesting depth, with a disclosure arrow for runs with children and for group headers (which
     * show "key = value (N runs)" here); ellipsised, with the full name as tooltip.
     */
    private static final class NameCell extends TableCell<RunRow, RunDetails> {
        private final RunsViewModel vm;
        private final Region indent = new Region();
        private final FontIcon arrow = new FontIcon();
        private final HBox graphic = new HBox(indent, arrow);
        private Tooltip tip;

        NameCell(RunsViewModel vm) {
            this.vm = vm;
            graphic.setAlignment(Pos.CENTER_LEFT);
            arrow.getStyleClass().add("disclosure");
            arrow.setOnMouseClicked(e -> {
                RunRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && e.getButton() == MouseButton.PRIMARY) {
                    vm.toggle(row);
                    e.consume();
                }
            });
            // a group header has no details: its cell value stays null from one group to the next, so the cell
            // follows its row's item to draw the new header
            InvalidationListener rowItem = o -> redraw();
            tableRowProperty().addListener((o, old, row) -> {
                if (old != null) {
                    old.itemProperty().removeListener(rowItem);
                }
                if (row != null) {
                    row.itemProperty().addListener(rowItem);
                }
            });
        }

        @Override
        protected void updateItem(RunDetails item, boolean empty) {
            super.updateItem(item, empty);
            draw(empty);
        }

        /** Draws the row's tree decorations again (they change without the item changing). */
        void redraw() {
            if (getTableRow() != null && getTableRow().getItem() != null) {
                draw(false);
            }
        }

        private void draw(boolean empty) {
            RunRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setStyle(null);
                return;
            }
            String text = row.isGroup() ? row.groupLabel() : row.run() == null ? null : displayName(row.run());
            indent.setMinWidth(row.depth() * INDENT);
            indent.setPrefWidth(row.depth() * INDENT);
            arrow.setIconCode(row.isExpanded() ? Material2AL.EXPAND_MORE : Material2MZ.NAVIGATE_NEXT);
            arrow.setVisible(row.hasChildren());
            arrow.setId(row.hasChildren() ? "toggle-" + (row.isGroup() ? "group" : row.id()) : null);
            setGraphic(graphic);
            setText(text);
            setStyle(row.isGroup() ? "-fx-font-weight: bold;" : null);
            if (text == null || text.length() < 28) {
                setTooltip(null);
            } else {
                if (tip == null) {
                    tip = new Tooltip();
                }
                tip.setText(text);
                setTooltip(tip);
            }
        }
    }

    /** A param, tag or metric cell; numbers right-aligned. */
    private static final class SpecCell extends TableCell<RunRow, RunDetails> {
        private final ColumnSpec spec;

        SpecCell(ColumnSpec spec) {
            this.spec = spec;
        }

        @Override
        protected void updateItem(RunDetails item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(spec.text(item));
            setAlignment(spec.value(item) instanceof Double ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }
    }

    /** Greys out soft-deleted runs (shown with "Show deleted"); a double click on a group header folds it. */
    /** Scrolled within this many rows of the end, the table asks for the next page. */
    private static final int LOOKAHEAD = 200;

    private static final class RunTableRow extends TableRow<RunRow> {
        private final RunsViewModel vm;

        private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
        private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

        RunTableRow(RunsViewModel vm) {
            this.vm = vm;
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null && getItem().isGroup()) {
                    vm.toggle(getItem());
                }
            });
        }

        @Override
        protected void updateItem(RunRow item, boolean empty) {
            super.updateItem(item, empty);
            if (!empty && getTableView() != null && getIndex() >= getTableView().getItems().size() - LOOKAHEAD) {
                vm.loadMore();
            }
            mark();
        }

        /** Sets the group and deleted pseudo-classes (a change of state only restyles the row when it flips). */
        void mark() {
            RunRow item = isEmpty() ? null : getItem();
            boolean group = item != null && item.isGroup();
            pseudoClassStateChanged(GROUP, group);
            pseudoClassStateChanged(DELETED, item != null && !group && item.run().lifecycle() == Lifecycle.DELETED);
        }
    }
}
