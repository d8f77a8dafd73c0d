package dev.cairn.store.internal;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.Database;

/** Access to an open store's internals for the store's own tests, benchmarks and maintenance tools. */
public final class Internals {
    private Internals() {
    }

    /** The database behind {@code store}, which must be a store this module opened. */
    public static Database database(TrackingStore store) {
        if (store instanceof SqlTrackingStore sql) {
            return sql.database();
        }
        throw new IllegalArgumentException(store + " is not a SQL store.");
    }
}
