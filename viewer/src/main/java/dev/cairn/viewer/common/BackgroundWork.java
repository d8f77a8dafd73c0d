package dev.cairn.viewer.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.BooleanProperty;

/**
 * Observable state of labelled background work: how many jobs run, the label of the latest, its progress
 * (-1 = unknown) and whether anything has been running long enough (~200 ms) to show. Changed only on the UI
 * thread (or the caller's thread with {@link DirectTaskRunner}).
 */
public final class BackgroundWork {
    private final IntegerProperty running = new SimpleIntegerProperty(this, "running", 0);
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", false);

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty labelProperty() {
        return label;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** True while labelled work has been running for more than ~200 ms. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    void started(String text) {
        running.set(running.get() + 1);
        label.set(text);
        progress.set(-1);
    }

    void progressed(double fraction) {
        progress.set(fraction);
    }

    void showIfRunning() {
        if (running.get() > 0) {
            visible.set(true);
        }
    }

    void finished() {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            visible.set(false);
            label.set("");
            progress.set(-1);
        }
    }
}
