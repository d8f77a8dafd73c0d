package dev.cairn.app.desktop;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.viewer.shell.ShellViewModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The store of the command line, opened on its own thread while JavaFX starts (the toolkit's start-up and the
 * window's first layout take longer than opening a store, so the table's first page can be read as soon as the
 * window asks for it). The window takes the store once ({@link #opener()}); a failure to open is thrown to the
 * window, which shows it like any failure to open. A later open of another store goes the usual way.
 */
final class EarlyStore {
    private final StoreLocation location;
    private final StoreOptions options;
    private final CompletableFuture<TrackingStore> opening = new CompletableFuture<>();
    private boolean taken;

    private EarlyStore(StoreLocation location, StoreMode mode) {
        this.location = location;
        this.options = ShellViewModel.optionsFor(mode);
    }

    /** Starts opening {@code location} in {@code mode} on a daemon thread. */
    static EarlyStore start(StoreLocation location, StoreMode mode) {
        EarlyStore early = new EarlyStore(location, mode);
        Thread t = new Thread(() -> {
            try {
                early.opening.complete(TrackingStore.open(early.location, early.options));
            } catch (RuntimeException | Error e) {
                early.opening.completeExceptionally(e);
            }
        }, "cairn-open");
        t.setDaemon(true);
        t.start();
        return early;
    }

    /**
     * Hands over the store being opened when asked for the same location and options (once), else opens as usual.
     */
    ShellViewModel.StoreOpener opener() {
        return (where, how) -> {
            if (!take(where, how)) {
                return TrackingStore.open(where, how);
            }
            try {
                return opening.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        };
    }

    private synchronized boolean take(StoreLocation where, StoreOptions how) {
        if (taken || !location.equals(where) || !options.equals(how)) {
            return false;
        }
        taken = true;
        return true;
    }
}
