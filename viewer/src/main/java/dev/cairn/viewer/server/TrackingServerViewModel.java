package dev.cairn.viewer.server;

import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View → Tracking server…: starts and stops a local MLflow-compatible server on the open store, off the UI thread,
 * and shows the line to paste into a shell. One server per window; it keeps running while the dialog is closed.
 */
public final class TrackingServerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingServerViewModel.class);

    private final TaskRunner runner;
    private final TrackingServerControl control;
    private final StringProperty port = new SimpleStringProperty("5000");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty exportLine = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Stopped.");
    private TrackingServerControl.Running server;

    /** {@code control} null: the app provides no server (the dialog says so). */
    public TrackingServerViewModel(TaskRunner runner, TrackingServerControl control) {
        this.runner = runner;
        this.control = control;
        if (control == null) {
            status.set("This build of Cairn has no tracking server.");
        }
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** {@code export MLFLOW_TRACKING_URI=http://127.0.0.1:5000} while running, else empty. */
    public ReadOnlyStringProperty exportLineProperty() {
        return exportLine;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Starts a server on {@code store} at the port typed; a bad port or a failure goes to the status line. */
    public void start(TrackingStore store) {
        if (control == null || running.get() || busy.get()) {
            return;
        }
        if (store == null) {
            status.set("Open a store first.");
            return;
        }
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.set("Port must be a number from 0 to 65535, not '" + port.get() + "'.");
            return;
        }
        busy.set(true);
        status.set("Starting…");
        int chosen = p;
        runner.submit("Starting the tracking server", () -> control.start(store, chosen), started -> {
            server = started;
            busy.set(false);
            running.set(true);
            exportLine.set("export MLFLOW_TRACKING_URI=" + started.uri());
            status.set("Serving " + store.location().describe() + " at " + started.uri()
                    + ". Runs logged through it appear in the window as they arrive.");
        }, failure -> {
            busy.set(false);
            LOG.warn("tracking server did not start on port {}: {}", chosen, failure.toString());
            status.set("Could not start: " + UserMessages.of(failure));
        });
    }

    /** Stops the server (requests in flight finish first). */
    public void stop() {
        if (server == null || busy.get()) {
            return;
        }
        TrackingServerControl.Running stopping = server;
        busy.set(true);
        status.set("Stopping…");
        runner.submit("Stopping the tracking server", () -> {
            stopping.close();
            return Boolean.TRUE;
        }, done -> {
            server = null;
            busy.set(false);
            running.set(false);
            exportLine.set("");
            status.set("Stopped.");
        }, failure -> {
            busy.set(false);
            LOG.warn("tracking server did not stop cleanly: {}", failure.toString());
            status.set("Could not stop cleanly: " + UserMessages.of(failure));
        });
    }

    /** Stops the server without waiting for the UI (window closing, store switching). */
    public void shutdown() {
        TrackingServerControl.Running s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }
}
