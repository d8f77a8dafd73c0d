package dev.cairn.viewer.shell;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The first thing a new user sees: on an empty store, open another store, import runs or load demo data;
 * without a store, open or create one.
 */
public final class WelcomeView {
    private final VBox root = new VBox();

    public WelcomeView(ShellViewModel vm, ShellCommands commands, boolean storeOpen) {
        root.getStyleClass().add("welcome");
        root.setId(storeOpen ? "welcomeView" : "noStoreView");
        FontIcon logo = new FontIcon(Material2MZ.SCIENCE);
        logo.setIconSize(56);
        logo.getStyleClass().add(Styles.ACCENT);
        Label title = new Label(storeOpen ? "This store is empty" : "No store is open");
        title.getStyleClass().add("welcome-title");
        Label text = new Label(storeOpen
                ? "Log runs from your training code with the Cairn API or the cairn command line, import runs "
                + "from MLflow or TensorBoard, or load a small demo experiment trained with Tribuo."
                : "Open a Cairn store file, or create a new one.");
        text.getStyleClass().add("welcome-text");
        text.setMaxWidth(520);

        Button open = new Button("Open store…", new FontIcon(Material2AL.FOLDER_OPEN));
        open.setId("welcomeOpen");
        open.setOnAction(e -> commands.openStore());
        HBox buttons = new HBox(10, open);
        buttons.setAlignment(javafx.geometry.Pos.CENTER);
        if (storeOpen) {
            Button importRuns = new Button("Import runs…", new FontIcon(Material2AL.FILE_UPLOAD));
            importRuns.setId("welcomeImport");
            importRuns.setDisable(!vm.importSheet().available());
            importRuns.setOnAction(e -> commands.importRuns());
            Button demo = new Button("Load demo data", new FontIcon(Material2MZ.PLAYLIST_ADD));
            demo.setId("welcomeDemo");
            demo.getStyleClass().add(Styles.ACCENT);
            demo.setDefaultButton(true);
            demo.setOnAction(e -> vm.loadDemoData());
            demo.disableProperty().bind(vm.runner().work().runningProperty().greaterThan(0)
                    .or(javafx.beans.binding.Bindings.createBooleanBinding(
                            () -> !vm.welcomeActions().canLoadDemoData())));
            buttons.getChildren().addAll(importRuns, demo);
        } else {
            Button create = new Button("New store…", new FontIcon(Material2AL.CREATE_NEW_FOLDER));
            create.setId("welcomeNew");
            create.setOnAction(e -> commands.newStore());
            buttons.getChildren().add(create);
        }
        root.getChildren().addAll(logo, title, text, buttons);
    }

    public VBox node() {
        return root;
    }
}
