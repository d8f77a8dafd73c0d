package dev.cairn.viewer.registry;

import dev.cairn.viewer.common.ColumnFit;
import dev.cairn.viewer.common.Formats;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The versions table: version, stage badge, aliases, created, user, source run (a link that opens it), and one
 * column per chosen key metric.
 */
final class VersionsTable extends TableView<VersionRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final RegistryViewModel vm;
    private final int fixedColumns;
    /** Columns whose cells are a badge or a link: measured on their text plus {@link #BADGE_PADDING}. */
    private final java.util.Map<TableColumn<VersionRow, ?>, java.util.function.Function<VersionRow, String>>
            badgeTexts = new java.util.HashMap<>();
    private static final double BADGE_PADDING = 16;

    VersionsTable(RegistryViewModel vm) {
        super(vm.versions());
        this.vm = vm;
        setId("registry-versions");
        setPlaceholder(new Label("Select a model"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<VersionRow, Number> version = new TableColumn<>("Version");
        version.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().number()));
        version.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<VersionRow, VersionRow> stage = new TableColumn<>("Stage");
        stage.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        stage.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VersionRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : StageBadge.of(row.version().stage()));
            }
        });
        TableColumn<VersionRow, String> aliases = text("Aliases", r -> String.join(", ", r.version().aliases()));
        TableColumn<VersionRow, String> created = text("Created",
                r -> TIME.format(Instant.ofEpochMilli(r.version().createdMs())));
        TableColumn<VersionRow, String> user = text("User", r -> r.version().user());
        TableColumn<VersionRow, VersionRow> run = new TableColumn<>("Source run");
        run.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        run.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VersionRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.version().runId() == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(row.runName() != null ? row.runName()
                        : row.version().runId().substring(0, 8));
                link.setOnAction(e -> vm.openSourceRun(row));
                setGraphic(link);
            }
        });
        getColumns().addAll(java.util.List.of(version, stage, aliases, created, user, run));
        fixedColumns = getColumns().size();
        vm.metricColumns().addListener((ListChangeListener<String>) c -> rebuildMetricColumns());
        rebuildMetricColumns();
        badgeTexts.put(stage, r -> r.version().stage().label());
        badgeTexts.put(run, r -> r.version().runId() == null ? "" : r.runName() != null ? r.runName()
                : r.version().runId().substring(0, 8));
        vm.versions().addListener((ListChangeListener<VersionRow>) c -> fitColumns());
        fitColumns();

        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(vm.selectedVersion().get())) {
                vm.selectedVersion().set(now);
            }
        });
        vm.selectedVersion().addListener((obs, was, now) -> {
            if (now != null && !now.equals(getSelectionModel().getSelectedItem())) {
                getSelectionModel().clearSelection();
                getSelectionModel().select(now);
            }
        });
    }

    /** Columns as wide as their text, so dates, run names and metrics are not cut at 1280 px. */
    private void fitColumns() {
        ColumnFit.fit(this, badgeTexts, r -> false, BADGE_PADDING);
    }

    private void rebuildMetricColumns() {
        getColumns().remove(fixedColumns, getColumns().size());
        for (String key : vm.metricColumns()) {
            getColumns().add(text(key, r -> {
                Double v = r.metrics().get(key);
                return v == null ? "" : Formats.significant(v, 4);
            }));
        }
        fitColumns();
    }

    private static TableColumn<VersionRow, String> text(String title,
                                                        java.util.function.Function<VersionRow, String> value) {
        TableColumn<VersionRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return col;
    }
}
