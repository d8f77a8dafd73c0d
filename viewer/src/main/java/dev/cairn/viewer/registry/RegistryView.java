package dev.cairn.viewer.registry;

import dev.cairn.store.registry.Stage;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The registry browser: models list with search on the left, the selected model's versions with actions in the
 * middle, below them the selected version's detail or the model's whole history (deletions included) in a second
 * tab; confirmations appear over it. One node for the window's shell to
 * host; all state lives in the {@link RegistryViewModel}.
 */
public final class RegistryView extends StackPane {

    public RegistryView(RegistryViewModel vm) {
        getStylesheets().add(RegistryView.class.getResource("registry.css").toExternalForm());
        getStyleClass().add("registry-view");
        VersionsTable table = new VersionsTable(vm);
        BorderPane versions = new BorderPane(table);
        versions.setTop(toolbar(vm, table));
        Tab version = new Tab("Version", new VersionDetailPane(vm));
        Tab history = new Tab("Model history", new ModelHistoryTable(vm));
        TabPane below = new TabPane(version, history);
        below.setId("registry-below");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane center = new SplitPane(versions, below);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);
        SplitPane main = new SplitPane(new ModelsPane(vm), center);
        main.setDividerPositions(0.2);
        Label message = new Label();
        message.setId("registry-message");
        message.setPadding(new Insets(3, 8, 3, 8));
        message.textProperty().bind(vm.message());
        BorderPane root = new BorderPane(main);
        root.setBottom(message);
        getChildren().addAll(root, new ConfirmSheet(vm));
    }

    /**
     * The actions over the versions table: the selected version's (promote, set alias, archive, move to None, delete)
     * then the model's (rollbacks) and compare. A bar that wraps to a second row when the window is too narrow for
     * one, so no action is ever hidden in an overflow menu.
     */
    private static FlowPane toolbar(RegistryViewModel vm, VersionsTable table) {
        Button staging = button("promote-staging", "Promote to Staging\u2026", () -> vm.startPromote(Stage.STAGING));
        Button production = button("promote-production", "Promote to Production\u2026",
                () -> vm.startPromote(Stage.PRODUCTION));
        Button alias = button("set-alias", "Set alias\u2026", vm::startSetAlias);
        Button archive = button("archive", "Archive\u2026", vm::startArchive);
        Button unstage = button("unstage", "Move to None\u2026", vm::startUnstage);
        Button delete = button("delete-version", "Delete version\u2026", vm::startDelete);
        Button rollback = button("rollback-production", "Roll back Production\u2026",
                () -> vm.startRollback(Stage.PRODUCTION));
        MenuButton more = new MenuButton("More rollbacks");
        more.setId("rollback-more");
        more.setOnShowing(e -> {
            more.getItems().clear();
            MenuItem stagingItem = new MenuItem("Roll back Staging\u2026");
            stagingItem.setOnAction(a -> vm.startRollback(Stage.STAGING));
            more.getItems().add(stagingItem);
            if (vm.state().get() != null) {
                for (String name : vm.state().get().aliases().keySet()) {
                    MenuItem item = new MenuItem("Roll back alias '" + name + "'\u2026");
                    item.setOnAction(a -> vm.startRollbackAlias(name));
                    more.getItems().add(item);
                }
            }
        });
        Button compare = button("compare", "Compare", () -> vm.compare(List.copyOf(
                table.getSelectionModel().getSelectedItems())));
        for (Button b : List.of(staging, production, alias, archive, unstage, delete)) {
            b.disableProperty().bind(vm.selectedVersion().isNull());
        }
        rollback.disableProperty().bind(vm.state().isNull());
        FlowPane bar = new FlowPane(4, 4, production, staging, alias, archive, unstage, delete, rollback, more,
                compare);
        bar.setId("registry-actions");
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        return bar;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
