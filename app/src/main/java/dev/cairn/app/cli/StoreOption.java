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

    /** Opens the store; with {@code create} false a missing file is an error. */
    public TrackingStore open(StoreOption parent, boolean create) {
        StoreMode mode = readOnly || (parent != null && parent.readOnly) ? StoreMode.READ_ONLY
                : shared || (parent != null && parent.shared) ? StoreMode.SHARED : StoreMode.LOCAL;
        StoreOptions options = switch (mode) {
            case SHARED -> StoreOptions.shared();
            case READ_ONLY -> StoreOptions.readOnly();
            default -> StoreOptions.local();
        };
        return TrackingStore.open(location(parent), options.withCreate(create && mode != StoreMode.READ_ONLY));
    }
}
