package dev.cairn.store;

import dev.cairn.store.internal.sql.PostgresTestDatabases;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreVersionException;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening team stores: a newer schema is refused untouched, another program's database is refused. */
class PostgresLifecycleTest {
    @TempDir
    Path dir;
    TestStores stores;

    @BeforeEach
    void server() {
        stores = new TestStores(Backend.POSTGRESQL, dir);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aStoreFromANewerCairnIsRefusedAndLeftUntouched() throws SQLException {
        try (TrackingStore store = TrackingStore.open(stores.location("future"), StoreOptions.local())) {
            store.runs().create(NewRun.in("e"));
        }
        PostgresTestDatabases.Location db = PostgresTestDatabases.Location.parse(stores.argument("future"));
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            st.execute("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'");
        }
        List<String> before = contents(db);

        assertThatThrownBy(() -> TrackingStore.open(stores.location("future"), StoreOptions.local()))
                .isInstanceOf(StoreVersionException.class)
                .hasMessageContaining("newer Cairn").hasMessageContaining("v99")
                .hasMessageContaining("v" + SchemaMigrator.CURRENT_VERSION);
        assertThat(contents(db)).isEqualTo(before);
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndNotChanged() throws SQLException {
        String uri = PostgresTestDatabases.create();
        try {
            PostgresTestDatabases.Location db = PostgresTestDatabases.Location.parse(uri);
            try (Connection c = db.open(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE alembic_version (version_num varchar(32))");
            }
            assertThatThrownBy(() -> TrackingStore.open(StoreLocation.parse(uri), StoreOptions.local()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("not a Cairn store");
            assertThat(tables(db)).containsExactly("alembic_version");
        } finally {
            PostgresTestDatabases.drop(PostgresTestDatabases.databaseName(uri));
        }
    }

    /** Every table's rows, as text, in a stable order. */
    private static List<String> contents(PostgresTestDatabases.Location db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            for (String table : tables(db)) {
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        out.add(table + " " + rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> tables(PostgresTestDatabases.Location db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                     + "ORDER BY tablename")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
