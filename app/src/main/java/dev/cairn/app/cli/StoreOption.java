package dev.cairn.app.cli;

import dev.cairn.app.StoreLocator;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import picocli.CommandLine.Option;


/** The {@code --store}, {@code --shared} and {@code --read-only} options, shared by every command. */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "STORE",
            description = "Store file, or postgresql://user@host:5432/db (default: $CAIRN_STORE, else the per-user "
                    + "store). The password comes from PGPASSWORD or ~/.pgpass.")
    String store;

    @Option(names = "--shared", description = "Open in shared mode (store on a network drive: no WAL).")
    boolean shared;

    @Option(names = "--read-only", description = "Open read-only.")
    boolean readOnly;

    /** The store: this option, else the parent's, else CAIRN_STORE, else the per-user default. */
    public StoreLocation location(StoreOption parent) {
        String chosen = store != null ? store : parent != null ? parent.store : null;
        return StoreLocator.resolve(chosen, System.getenv());
    }

    public StoreMode mode() {
        return readOnly ? StoreMode.READ_ONLY : shared ? StoreMode.SHARED : StoreMode.LOCAL;
    }

    /** True when neither this option, the parent's nor CAIRN_STORE names a store: the per-user default is used. */
    boolean isDefault(StoreOption parent) {
        String chosen = store != null ? store : parent != null ? parent.store : null;
        String env = System.getenv("CAIRN_STORE");
        return (chosen == null || chosen.isBlank()) && (env == null || env.isBlank());
    }

    /**
     * Opens the store; with {@code create} false a missing file is an error. Only the default store's folder is
     * created: a typo in {@code --store} must not leave a tree of folders behind.
     */
    public TrackingStore open(StoreOption parent, boolean create) {
        StoreLocation location = location(parent);
        if (location instanceof StoreLocation.SqliteFile file && !isDefault(parent)) {
            java.nio.file.Path dir = file.path().toAbsolutePath().getParent();
            if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
                throw new dev.cairn.store.model.NotFoundException("No folder " + dir + " for the store "
                        + file.path() + " (only the default store's folder is created; create it first).");
            }
        }
        StoreMode mode = readOnly || (parent != null && parent.readOnly) ? StoreMode.READ_ONLY
                : shared || (parent != null && parent.shared) ? StoreMode.SHARED : StoreMode.LOCAL;
        StoreOptions options = switch (mode) {
            case SHARED -> StoreOptions.shared();
            case READ_ONLY -> StoreOptions.readOnly();
            default -> StoreOptions.local();
        };
        return TrackingStore.open(location, options.withCreate(create && mode != StoreMode.READ_ONLY));
    }
}
