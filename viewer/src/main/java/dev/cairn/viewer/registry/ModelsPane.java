package dev.cairn.viewer.registry;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The models list with its search field; each entry shows the Production version and the aliases. */
final class ModelsPane extends VBox {
    ModelsPane(RegistryViewModel vm) {
        getStyleClass().add("registry-models");
        setSpacing(6);
        setPadding(new Insets(8));
        TextField search = new TextField();
        search.setId("registry-search");
        search.setPromptText("Search models");
        search.textProperty().bindBidirectional(vm.search());
        ListView<ModelItem> list = new ListView<>(vm.models());
        list.setId("registry-models");
        list.setPlaceholder(new Label("No registered models"));
        list.setCellFactory(v -> new ModelCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(vm.selectedModel().get())) {
                vm.selectedModel().set(now);
            }
        });
        vm.selectedModel().addListener((obs, was, now) -> {
            if (now != null && !now.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, list);
    }

    private static final class ModelCell extends ListCell<ModelItem> {
        @Override
        protected void updateItem(ModelItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("model-name");
            String production = item.production().isEmpty() ? "no Production version" : "Production " + item.production();
            Label info = new Label(production + " \u00b7 " + item.versionCount() + " version"
                    + (item.versionCount() == 1 ? "" : "s"));
            info.getStyleClass().add("model-info");
            VBox box = new VBox(2, name, info);
            if (!item.aliases().isEmpty()) {
                Label aliases = new Label(String.join("  ", item.aliases()));
                aliases.getStyleClass().add("model-info");
                box.getChildren().add(aliases);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
