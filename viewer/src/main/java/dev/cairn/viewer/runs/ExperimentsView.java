package dev.cairn.viewer.runs;

import dev.cairn.viewer.common.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The experiments sidebar: search box, list with run counts, "Show deleted" toggle. */
public final class ExperimentsView {
    private final VBox root = new VBox();
    private final ListView<ExperimentItem> list = new ListView<>();

    public ExperimentsView(ExperimentsViewModel vm) {
        CustomTextField search = new CustomTextField();
        search.setId("experimentSearch");
        search.setPromptText("Search experiments");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setLeft(new FontIcon(Material2MZ.SEARCH));

        list.setId("experimentsList");
        list.setItems(vm.visibleItems());
        list.setCellFactory(v -> {
            ExperimentCell cell = new ExperimentCell();
            cell.prefWidthProperty().bind(list.widthProperty().subtract(18));
            cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            return cell;
        });
        list.setPlaceholder(new Label("No experiments"));
        VBox.setVgrow(list, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });

        CheckBox deleted = new CheckBox("Show deleted");
        deleted.setId("showDeleted");
        deleted.selectedProperty().bindBidirectional(vm.showDeletedProperty());

        Label header = new Label("Experiments");
        header.getStyleClass().add("pane-header");
        root.getStyleClass().add("sidebar");
        root.getChildren().addAll(header, search, list, deleted);
        root.setMinWidth(160);
    }

    public VBox node() {
        return root;
    }

    public ListView<ExperimentItem> list() {
        return list;
    }

    /** Name (ellipsised) and run count. */
    private static final class ExperimentCell extends ListCell<ExperimentItem> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box = new HBox(6, name, spacer(), count);

        ExperimentCell() {
            name.getStyleClass().add("experiment-name");
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.SOMETIMES);
            box.setMinWidth(0);
            count.getStyleClass().add("experiment-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        private static Region spacer() {
            Region r = new Region();
            HBox.setHgrow(r, Priority.ALWAYS);
            return r;
        }

        @Override
        protected void updateItem(ExperimentItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("experiment-deleted");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(item.name());
            count.setText(Formats.count(item.runCount()));
            if (item.deleted()) {
                getStyleClass().add("experiment-deleted");
            }
            setText(null);
            setGraphic(box);
            setTooltip(new javafx.scene.control.Tooltip(item.name() + (item.deleted() ? " (deleted)" : "")));
        }
    }
}
