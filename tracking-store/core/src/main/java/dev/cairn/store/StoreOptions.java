package dev.cairn.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Validated, immutable options for opening a store.
 *
 * @param mode        requested mode; {@link StoreMode#READ_ONLY} is also chosen automatically for unwritable files
 * @param busyTimeout how long a writer waits for another process's lock before failing
 * @param create      whether a missing file is created
 */
public record StoreOptions(StoreMode mode, Duration busyTimeout, boolean create) {

    public StoreOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must not be negative");
        }
    }

    /** Local disk, WAL, 30 s busy timeout, create when missing. */
    public static StoreOptions local() {
        return new StoreOptions(StoreMode.LOCAL, Duration.ofSeconds(30), true);
    }

    /** Network drive, rollback journal, 60 s busy timeout, create when missing. */
    public static StoreOptions shared() {
        return new StoreOptions(StoreMode.SHARED, Duration.ofSeconds(60), true);
    }

    /** Read-only; the file must exist. */
    public static StoreOptions readOnly() {
        return new StoreOptions(StoreMode.READ_ONLY, Duration.ofSeconds(30), false);
    }

    public StoreOptions withMode(StoreMode newMode) {
        return new StoreOptions(newMode, busyTimeout, create);
    }

    public StoreOptions withCreate(boolean newCreate) {
        return new StoreOptions(mode, busyTimeout, newCreate);
    }
}
