package dev.cairn.viewer.shell;

import atlantafx.base.theme.Styles;
import dev.cairn.viewer.common.ViewerSettings;
import dev.cairn.viewer.runs.ColumnChooserDialog;
import dev.cairn.viewer.runs.ExperimentsView;
import dev.cairn.viewer.runs.FilterBar;
import dev.cairn.viewer.runs.RunDetailView;
import dev.cairn.viewer.runs.RunDialogs;
import dev.cairn.viewer.runs.RunRow;
import dev.cairn.viewer.runs.RunsTableView;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The run browser screen: experiments | filter bar and runs table | run detail. Keeps the table's selection and
 * the detail pane in step, selects the runs the shell asks for, and remembers its dividers.
 */
final class RunBrowser {
    private final ShellViewModel vm;
    private final Stage stage;
    private final SplitPane browser = new SplitPane();
    private final SplitPane tableAndDetail = new SplitPane();
    private final RunsTableView tableView;
    private final FilterBar filterBar;
    private final RunDetailView detailView;
    private final RunDialogs dialogs;

    RunBrowser(Stage stage, ShellViewModel vm, RunExportController exports, Consumer<Path> folderOpener) {
        this.vm = vm;
        this.stage = stage;
        this.dialogs = new RunDialogs(vm.runs(), () -> stage);
        ExperimentsView experimentsView = new ExperimentsView(vm.experiments());
        this.tableView = new RunsTableView(vm.runs());
        this.filterBar = new FilterBar(vm.runs(), columnsButton(), exportButton(exports));
        this.detailView = new RunDetailView(vm.detail(), vm.runs(), dialogs);
        detailView.setOnOpenRun(this::selectRun);
        detailView.setOnOpenFolder(folderOpener);

        VBox tableBox = new VBox(filterBar.node(), tableView.table());
        VBox.setVgrow(tableView.table(), Priority.ALWAYS);
        tableAndDetail.getItems().addAll(tableBox, detailView.node());
        SplitPane.setResizableWithParent(detailView.node(), false);
        browser.getItems().addAll(experimentsView.node(), tableAndDetail);
        SplitPane.setResizableWithParent(experimentsView.node(), false);
        browser.setOrientation(Orientation.HORIZONTAL);
        ViewerSettings s = vm.settings();
        browser.setDividerPositions(s.getLeftDivider());
        tableAndDetail.setDividerPositions(s.getDetailDivider());

        table().getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.detail().show(b == null ? null : b.id()));
        vm.runs().loadingProperty().addListener((o, was, now) -> {
            if (was && !now && !vm.runsToSelect().isEmpty()) {
                applyRunsToSelect();
            } else if (was && !now && table().getSelectionModel().isEmpty() && !table().getItems().isEmpty()) {
                table().getSelectionModel().select(0);
            }
        });
        vm.runsToSelect().addListener((ListChangeListener<String>) c -> {
            if (!vm.runsToSelect().isEmpty() && !vm.runs().loadingProperty().get()) {
                applyRunsToSelect();
            }
        });
        table().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openDetail();
                e.consume();
            }
        });
    }

    /** The table's context menu: the Run menu's items. */
    void setContextMenu(MenuItem... items) {
        table().setContextMenu(new ContextMenu(items));
    }

    SplitPane node() {
        return browser;
    }

    TableView<RunRow> table() {
        return tableView.table();
    }

    FilterBar filterBar() {
        return filterBar;
    }

    RunDialogs dialogs() {
        return dialogs;
    }

    List<String> selectedIds() {
        return vm.runs().selection().stream().map(RunRow::id).toList();
    }

    void selectAll() {
        table().getSelectionModel().selectAll();
    }

    void focusFilter() {
        filterBar.field().requestFocus();
        filterBar.field().selectAll();
    }

    void chooseColumns() {
        ColumnChooserDialog.show(stage, vm.runs());
    }

    /** Selects the runs the view-model asked for (after an import, or a registry link), then forgets them. */
    private void applyRunsToSelect() {
        List<String> ids = List.copyOf(vm.runsToSelect());
        vm.runsToSelect().clear();
        List<RunRow> rows = ids.stream().map(vm.runs()::row).filter(Objects::nonNull).toList();
        if (rows.isEmpty()) {
            if (ids.size() == 1) {
                vm.detail().show(ids.get(0));
            }
            return;
        }
        table().getSelectionModel().clearSelection();
        for (RunRow row : rows) {
            table().getSelectionModel().select(row);
        }
        table().scrollTo(rows.get(0));
    }

    private void openDetail() {
        double[] pos = tableAndDetail.getDividerPositions();
        if (pos.length > 0 && pos[0] > 0.92) {
            tableAndDetail.setDividerPositions(vm.settings().getDetailDivider() > 0.92 ? 0.65
                    : vm.settings().getDetailDivider());
        }
        detailView.node().requestFocus();
    }

    /** Selects run {@code id} in the table when it is shown (parent/child links), else shows it in the detail. */
    void selectRun(String id) {
        RunRow row = vm.runs().reveal(id);
        if (row != null) {
            table().getSelectionModel().clearSelection();
            table().getSelectionModel().select(row);
            table().scrollTo(row);
        } else {
            vm.detail().show(id);
        }
    }

    /** Writes the dividers into the settings (the window saves them on close). */
    void rememberDividers() {
        ViewerSettings s = vm.settings();
        if (browser.getDividerPositions().length > 0) {
            s.setLeftDivider(browser.getDividerPositions()[0]);
        }
        if (tableAndDetail.getDividerPositions().length > 0) {
            s.setDetailDivider(tableAndDetail.getDividerPositions()[0]);
        }
    }

    private Button columnsButton() {
        Button b = new Button(null, new FontIcon(Material2MZ.VIEW_COLUMN));
        b.setId("columnsButton");
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip("Choose param, metric and tag columns"));
        b.setOnAction(e -> chooseColumns());
        return b;
    }

    private static MenuButton exportButton(RunExportController exports) {
        MenuItem selected = new MenuItem("Export selected runs…");
        selected.setOnAction(e -> exports.export(true));
        MenuItem all = new MenuItem("Export table…");
        all.setOnAction(e -> exports.export(false));
        MenuButton b = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), selected, all);
        b.setId("exportButton");
        b.setTooltip(new Tooltip("Export runs to CSV or JSON"));
        return b;
    }
}
