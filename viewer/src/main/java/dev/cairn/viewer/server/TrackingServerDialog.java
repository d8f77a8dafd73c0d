package dev.cairn.viewer.server;

import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.TaskRunner;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The Tracking server window: port, Start/Stop, the {@code export MLFLOW_TRACKING_URI=...} line with Copy, and a
 * status line. Non-modal: the main window stays usable (and shows the runs as they arrive).
 */
public final class TrackingServerDialog {
    private final Stage stage = new Stage();

    /** Builds the dialog over {@code owner}; {@code store} gives the window's open store when Start is pressed. */
    public TrackingServerDialog(Window owner, TrackingServerViewModel vm, Supplier<TrackingStore> store) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Tracking server");
        TextField port = new TextField();
        port.setId("serverPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.portProperty());
        port.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        Button start = new Button("Start");
        start.setId("serverStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        start.setOnAction(e -> vm.start(store.get()));
        Button stop = new Button("Stop");
        stop.setId("serverStop");
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.busyProperty()));
        stop.setOnAction(e -> vm.stop());
        TextField export = new TextField();
        export.setId("serverExport");
        export.setEditable(false);
        export.setPrefColumnCount(40);
        export.textProperty().bind(vm.exportLineProperty());
        Button copy = new Button("Copy");
        copy.setId("serverCopy");
        copy.disableProperty().bind(vm.runningProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.exportLineProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label status = new Label();
        status.setId("serverStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label hint = new Label("MLflow clients (mlflow.start_run, autologging) log into the open store through "
                + "this server. It listens on 127.0.0.1 only.");
        hint.setWrapText(true);
        VBox root = new VBox(10, hint, new HBox(8, new Label("Port"), port, start, stop), new HBox(8, export, copy),
                status);
        root.setId("trackingServerDialog");
        root.setPadding(new Insets(14));
        root.setPrefWidth(560);
        stage.setScene(new Scene(root));
    }

    private static final Map<Window, TrackingServerDialog> OPEN = new WeakHashMap<>();

    /**
     * Shows the owner window's Tracking server dialog (one per window, so the server outlives the dialog being
     * closed); the server stops and the dialog goes when the owner window closes.
     */
    public static void open(Window owner, TaskRunner runner, Supplier<TrackingStore> store) {
        OPEN.computeIfAbsent(owner, w -> {
            TrackingServerViewModel vm = new TrackingServerViewModel(runner, TrackingServerControl.find().orElse(null));
            w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                TrackingServerDialog gone = OPEN.remove(w); // a window shown again gets a new dialog and server
                if (gone != null) {
                    gone.stage.hide();
                }
                Thread t = new Thread(vm::shutdown, "cairn-serve-stop");
                t.setDaemon(true);
                t.start();
            });
            return new TrackingServerDialog(w, vm, store);
        }).show();
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
