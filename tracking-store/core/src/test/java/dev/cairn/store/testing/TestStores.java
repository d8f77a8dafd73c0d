package dev.cairn.store.testing;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.PostgresTestDatabases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores for one test on one backend: a SQLite file in the test's temp folder, or a PostgreSQL database holding an
 * empty store on the server named by {@code CAIRN_TEST_PG} (emptied and pooled again at {@link #close()}). The same name gives the same store, so
 * a test can open it twice (two clients).
 */
public final class TestStores implements AutoCloseable {
    private final Backend backend;
    private final Path dir;
    private final Map<String, StoreLocation> locations = new LinkedHashMap<>();
    private final List<TrackingStore> opened = new ArrayList<>();

    public TestStores(Backend backend, Path dir) {
        this.backend = backend;
        this.dir = dir;
    }

    public Backend backend() {
        return backend;
    }

    /** Where the store called {@code name} lives (created on first use for PostgreSQL; empty until opened). */
    public StoreLocation location(String name) {
        return locations.computeIfAbsent(name, n -> switch (backend) {
            case SQLITE -> StoreLocation.of(dir.resolve(n));
            case POSTGRESQL -> StoreLocation.parse(PostgresTestDatabases.borrowStore());
        });
    }

    /** The location as a {@code --store} argument (a path or a URI with the test password). */
    public String argument(String name) {
        StoreLocation location = location(name);
        if (location instanceof StoreLocation.Postgres pg) {
            return "postgresql://" + pg.user() + (pg.password() == null ? "" : ":" + pg.password()) + "@" + pg.host()
                    + ":" + pg.port() + "/" + pg.database();
        }
        return location.describe();
    }

    /** Opens (creating) the store called {@code name}; closed with this fixture. */
    public TrackingStore open(String name) {
        return open(name, StoreOptions.local());
    }

    public TrackingStore open(String name, StoreOptions options) {
        TrackingStore store = TrackingStore.open(location(name), options);
        opened.add(store);
        return store;
    }

    /**
     * A plain JDBC connection to the store called {@code name} (for tests that look at or change rows the API does
     * not show); the caller closes it.
     */
    public java.sql.Connection connect(String name) throws java.sql.SQLException {
        StoreLocation location = location(name);
        if (location instanceof StoreLocation.Postgres) {
            return PostgresTestDatabases.Location.parse(argument(name)).open();
        }
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + location.describe());
    }

    @Override
    public void close() {
        for (TrackingStore store : opened) {
            store.close();
        }
        opened.clear();
        for (String name : locations.keySet()) {
            if (locations.get(name) instanceof StoreLocation.Postgres) {
                PostgresTestDatabases.release(argument(name));
            }
        }
        locations.clear();
    }
}
