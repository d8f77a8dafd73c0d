package dev.cairn.store;



/**
 * The service-provider interface behind {@link TrackingStore#open}: an implementation of the store API for some
 * kinds of {@link StoreLocation}, found with {@link java.util.ServiceLoader}. Cairn's own backend serves SQLite
 * files and PostgreSQL databases.
 */
public interface StoreBackend {

    /** True when this backend can open {@code location}. */
    boolean accepts(StoreLocation location);

    /** Opens (creating or migrating when allowed) the store at {@code location}. */
    TrackingStore open(StoreLocation location, StoreOptions options);
}
