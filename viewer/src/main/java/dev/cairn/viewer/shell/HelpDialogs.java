package dev.cairn.viewer.shell;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;

/** Help → Plugins (every plugin with version, source, status and error) and Help → About. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** A table of the plugins; failed ones show why in the Error column. */
    static Dialog<ButtonType> plugins(Window owner, List<PluginInfo> plugins) {
        TableView<PluginInfo> table = new TableView<>();
        table.setId("pluginsTable");
        table.getColumns().add(column("Plugin", 190, PluginInfo::name));
        table.getColumns().add(column("Id", 110, PluginInfo::id));
        table.getColumns().add(column("Version", 70, PluginInfo::version));
        table.getColumns().add(column("Source", 150, PluginInfo::source));
        table.getColumns().add(column("Status", 80, PluginInfo::status));
        table.getColumns().add(column("Error", 260, PluginInfo::error));
        table.getItems().setAll(plugins);
        table.setPrefSize(880, 320);
        table.setPlaceholder(new Label("No plugins found."));
        long failed = plugins.stream().filter(p -> !"loaded".equalsIgnoreCase(p.status())).count();
        Label summary = new Label(plugins.size() + (plugins.size() == 1 ? " plugin" : " plugins")
                + (failed == 0 ? ", all loaded." : ", " + failed + " not loaded (see Error).")
                + " External plugins are jars in the user's plugin folder.");
        summary.setId("pluginsSummary");
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Plugins");
        dialog.setHeaderText("Plugins");
        dialog.getDialogPane().setContent(new VBox(8, summary, table));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        return dialog;
    }

    /** Version, Java runtime and the open store. */
    static Alert about(Window owner, String version, String storePath) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About Cairn");
        alert.setHeaderText("Cairn " + version);
        Label text = new Label(aboutText(storePath));
        text.setId("aboutText");
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        return alert;
    }

    static String aboutText(String storePath) {
        return "Experiment tracker and model registry.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?"))
                + "\n" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n\n"
                + "Store: " + (storePath == null || storePath.isEmpty() ? "none open" : storePath);
    }

    private static TableColumn<PluginInfo, String> column(String title, double width,
                                                          Function<PluginInfo, String> value) {
        TableColumn<PluginInfo, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue()) == null ? ""
                : value.apply(f.getValue())));
        return c;
    }
}
