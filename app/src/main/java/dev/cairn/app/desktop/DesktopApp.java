package dev.cairn.app.desktop;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Starts the desktop window on a store. Not itself a JavaFX {@link Application}: JavaFX is on the class path, and
 * launching a subclass of Application from {@code main} directly would require the module path.
 */
public final class DesktopApp {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {
    }

    /** Opens the window on {@code store} and blocks until it is closed; returns the exit code. */
    public static int launch(StoreLocation store, StoreMode mode) {
        CairnFxApplication.configure(store, mode == null ? StoreMode.LOCAL : mode);
        markWindowRun(System.getProperty("cairn.cds.window"));
        try {
            Application.launch(CairnFxApplication.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("cannot start the window", e);
            System.err.println("cairn: cannot open the window: " + e.getMessage()
                    + " (is a display available? Use the subcommands, e.g. `cairn runs`, without one.)");
            return 1;
        }
    }

    /**
     * Tells the launcher ({@code bin/cairn}) that this run opens the window, by creating the file {@code marker}
     * (the system property {@code cairn.cds.window}): the class-data archive the JVM writes at exit then holds the
     * window's classes and the launcher keeps it (ADR 0012). Without a marker, nothing; a marker that cannot be
     * written is a WARN (the next start records again).
     */
    static void markWindowRun(String marker) {
        if (marker == null || marker.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(marker), "");
        } catch (IOException | InvalidPathException e) {
            LOG.warn("cannot write the start-up archive marker {}: {}; the next start records the archive again",
                    marker, e.toString());
        }
    }
}
