package dev.cairn.viewer.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Shown when a store cannot be opened: what happened, in one line, and what to do next (Try again when the server
 * was unreachable). No stack trace.
 */
public final class StoreErrorView {
    private final VBox root = new VBox();

    public StoreErrorView(ShellViewModel vm, ShellCommands commands) {
        root.getStyleClass().add("welcome");
        root.setId("storeErrorView");
        FontIcon icon = new FontIcon(Material2MZ.WARNING);
        icon.setIconSize(48);
        icon.getStyleClass().add("status-failed");
        Label title = new Label();
        title.setId("storeErrorTitle");
        title.textProperty().bind(vm.errorTitleProperty());
        title.getStyleClass().add("error-title");
        Label message = new Label();
        message.setId("storeErrorMessage");
        message.getStyleClass().add("welcome-text");
        message.setMaxWidth(620);
        message.textProperty().bind(vm.errorProperty());
        Button retry = new Button("Try again", new FontIcon(Material2MZ.REFRESH));
        retry.setId("storeErrorRetry");
        retry.setOnAction(e -> vm.retryOpen());
        retry.visibleProperty().bind(vm.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.defaultButtonProperty().bind(vm.retryableProperty());
        Button open = new Button("Open another store…", new FontIcon(Material2AL.FOLDER_OPEN));
        open.setOnAction(e -> commands.openStore());
        Button team = new Button("Open team store…", new FontIcon(Material2MZ.STORAGE));
        team.setId("storeErrorTeam");
        team.setOnAction(e -> commands.openTeamStore());
        Button create = new Button("New store…", new FontIcon(Material2AL.CREATE_NEW_FOLDER));
        create.setOnAction(e -> commands.newStore());
        HBox buttons = new HBox(10, retry, open, team, create);
        buttons.setAlignment(javafx.geometry.Pos.CENTER);
        root.getChildren().addAll(icon, title, message, buttons);
    }

    public VBox node() {
        return root;
    }
}
