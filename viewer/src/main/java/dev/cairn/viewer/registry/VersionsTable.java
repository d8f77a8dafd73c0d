package dev.cairn.viewer.registry;

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

    VersionsTable(RegistryViewModel vm) {
        super(vm.versions());
        this.vm = vm;
        setId("registry-versions");
        setPlaceholder(new Label("Select a model"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

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

    private void rebuildMetricColumns() {
        getColumns().remove(fixedColumns, getColumns().size());
        for (String key : vm.metricColumns()) {
            getColumns().add(text(key, r -> {
                Double v = r.metrics().get(key);
                return v == null ? "" : String.format(Locale.ROOT, "%.4g", v);
            }));
        }
    }

    private static TableColumn<VersionRow, String> text(String title,
                                                        java.util.function.Function<VersionRow, String> value) {
        TableColumn<VersionRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return col;
    }
}
