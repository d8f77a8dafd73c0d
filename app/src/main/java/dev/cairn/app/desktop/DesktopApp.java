package dev.cairn.app.desktop;

import dev.cairn.store.StoreMode;

import java.nio.file.Path;

/** Starts the desktop window on a store. */
public final class DesktopApp {
    private DesktopApp() {
    }

    /** Opens the window on {@code store} and blocks until it is closed; returns the exit code. */
    public static int launch(Path store, StoreMode mode) {
        System.err.println("cairn: the desktop window is not available in this build");
        return 1;
    }
}
