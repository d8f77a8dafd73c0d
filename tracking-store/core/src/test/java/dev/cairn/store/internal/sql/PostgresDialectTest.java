package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;
import dev.cairn.store.internal.sql.PostgresTestDatabases.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * PostgresDialect against a real server ({@code CAIRN_TEST_PG}; skipped without one, failing under CI=true): the
 * PostgreSQL schema scripts, run statement by statement in one transaction as SchemaMigrator does, match the SQLite
 * ones; version bookkeeping; change detection by LISTEN/NOTIFY; error classification; connection set-up.
 */
class PostgresDialectTest {
    static final String[] SCRIPTS = {
        "V1__initial.sql", "V2__provenance_and_changes.sql", "V3__model_registry.sql", "V4__drift.sql",
        "V5__monitoring.sql", "V6__registry_deletes.sql", "V7__chunk_summaries.sql",
    };
    static final int CURRENT_VERSION = SCRIPTS.length;

    private static final List<String> databases = new ArrayList<>();
    private static final List<PostgresDialect> dialects = new ArrayList<>();
    private static Location store;
    private static PostgresDialect dialect;

    @BeforeAll
    static void createAndMigrateStore() throws SQLException {
        if (!PostgresTestDatabases.configured()) {
            return; // each test skips (or fails under CI=true) in requireServer
        }
        store = newDatabase();
        dialect = dialect(store, 2000);
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            assertThat(dialect.schemaVersion(c)).isZero();
            assertThat(dialect.isForeignDatabase(c)).isFalse();
            migrate(dialect, c, CURRENT_VERSION);
        }
    }

    @BeforeEach
    void requireServer() {
        PostgresTestDatabases.server();
    }

    @AfterAll
    static void dropDatabases() {
        dialects.forEach(PostgresDialect::close);
        databases.forEach(PostgresTestDatabases::drop);
    }

    // ------------------------------------------------------------------ schema

    @Test
    void migratedStoreHasVersionStampAndIsNotForeign() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            assertThat(dialect.schemaVersion(c)).isEqualTo(CURRENT_VERSION);
            assertThat(dialect.isForeignDatabase(c)).isFalse();
            assertThat(query(c, "SELECT key, value FROM store_meta ORDER BY key"))
                    .containsExactly("application_id=cairn", "change_seq=0", "schema_version=" + CURRENT_VERSION);
            assertThat(dialect.integrityCheck(c)).isEqualTo("ok");
            assertThat(dialect.sizeBytes(c)).isGreaterThan(1_000_000);
        }
    }

    @Test
    void migrationIsOneTransaction() throws SQLException {
        Location other = newDatabase();
        PostgresDialect d = dialect(other, 2000);
        try (Connection c = d.connect(StoreMode.LOCAL, 0)) {
            d.beginWrite(c);
            d.markAsCairnStore(c);
            for (int v = 1; v <= CURRENT_VERSION; v++) {
                for (String sql : statements(script(v))) {
                    execute(c, sql);
                }
            }
            assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")).isEqualTo(28);
            execute(c, "ROLLBACK");
            assertThat(d.schemaVersion(c)).isZero();
            assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")).isZero();
            // a failing statement leaves nothing either
            d.beginWrite(c);
            d.markAsCairnStore(c);
            for (String sql : statements(script(1))) {
                execute(c, sql);
            }
            assertThatThrownBy(() -> execute(c, "CREATE TABLE runs (x integer)")).isInstanceOf(SQLException.class);
            execute(c, "ROLLBACK");
            assertThat(d.schemaVersion(c)).isZero();
            assertThat(d.isForeignDatabase(c)).isFalse();
        }
    }

    @Test
    void stepwiseMigrationRecordsEachVersion() throws SQLException {
        Location other = newDatabase();
        PostgresDialect d = dialect(other, 2000);
        try (Connection c = d.connect(StoreMode.LOCAL, 0)) {
            for (int v = 1; v <= CURRENT_VERSION; v++) {
                migrate(d, c, v);
                assertThat(d.schemaVersion(c)).isEqualTo(v);
            }
            assertThat(query(c, "SELECT value FROM store_meta WHERE key = 'change_seq'")).containsExactly("0");
        }
    }

    @Test
    void databaseWithOtherTablesIsForeign() throws SQLException {
        Location other = newDatabase();
        PostgresDialect d = dialect(other, 2000);
        try (Connection c = d.connect(StoreMode.LOCAL, 0)) {
            execute(c, "CREATE TABLE invoices (id integer)");
            assertThat(d.isForeignDatabase(c)).isTrue();
            assertThat(d.schemaVersion(c)).isZero();
            // a store_meta of someone else's is not a stamp either
            execute(c, "CREATE TABLE store_meta (key text PRIMARY KEY, value text NOT NULL)");
            execute(c, "INSERT INTO store_meta VALUES ('application_id', 'other')");
            assertThat(d.isForeignDatabase(c)).isTrue();
        }
    }

    @Test
    void scriptSplitterKeepsTheTriggerFunctionWhole() {
        List<String> v3 = statements(script(3));
        assertThat(v3).filteredOn(s -> s.startsWith("CREATE FUNCTION")).singleElement()
                .satisfies(s -> assertThat(s).contains("RAISE EXCEPTION").endsWith("$$;"));
        for (int v = 1; v <= CURRENT_VERSION; v++) {
            assertThat(statements(script(v))).allSatisfy(s -> assertThat(s).endsWith(";"));
        }
    }

    /** Same tables, columns (order, NOT NULL, type family), keys, unique constraints, indexes, foreign keys. */
    @Test
    void schemaMatchesTheSqliteSchema() throws SQLException {
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite::memory:");
             Connection pg = dialect.connect(StoreMode.LOCAL, 0)) {
            for (int v = 1; v <= CURRENT_VERSION; v++) {
                for (String sql : statements(resource("/dev/cairn/store/schema/sqlite/" + SCRIPTS[v - 1]))) {
                    execute(lite, sql);
                }
            }
            List<String> liteTables = query(lite, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            List<String> pgTables = query(pg, "SELECT tablename::text FROM pg_tables "
                    + "WHERE schemaname = current_schema() ORDER BY 1");
            assertThat(pgTables).isEqualTo(liteTables);

            for (String table : liteTables) {
                assertThat(pgColumns(pg, table)).as(table).isEqualTo(sqliteColumns(lite, table));
                assertThat(query(pg, "SELECT array_to_string(array_agg(a.attname::text ORDER BY k.i), ',') FROM pg_index x "
                        + "CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, i) "
                        + "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum "
                        + "WHERE x.indrelid = '" + table + "'::regclass AND x.indisprimary"))
                        .as(table + " primary key").containsExactly(String.join(",", query(lite,
                                "SELECT name FROM pragma_table_info('" + table + "') WHERE pk > 0 ORDER BY pk")));
            }
            assertThat(pgIndexes(pg)).isEqualTo(sqliteIndexes(lite, liteTables));
            assertThat(pgForeignKeys(pg)).isEqualTo(sqliteForeignKeys(lite, liteTables));
            assertThat(query(pg, "SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"))
                    .containsAll(query(lite, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"));
        }
    }

    @Test
    void schemaSemantics() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            long model = insertReturning(c, "INSERT INTO registered_models(name, created_ms, updated_ms) "
                    + "VALUES ('semantics', 1, 1) RETURNING id");
            execute(c, "INSERT INTO model_versions(model_id, version, status, created_ms, updated_ms) "
                    + "VALUES (" + model + ", 1, 'READY', 1, 1)");
            // model history is append-only
            execute(c, "INSERT INTO model_events(model_id, version, action, time_ms) VALUES (" + model + ", 1, 'x', 1)");
            assertThatThrownBy(() -> execute(c, "UPDATE model_events SET comment = 'no'"))
                    .hasMessageContaining("model history is append-only");
            assertThatThrownBy(() -> execute(c, "DELETE FROM model_events"))
                    .hasMessageContaining("model history is append-only");
            assertThatThrownBy(() -> execute(c, "TRUNCATE model_events"))
                    .hasMessageContaining("model history is append-only");
            // one reference dataset per model version, any number of batches
            String dataset = "INSERT INTO drift_datasets(model_id, version, kind, row_count, sample_size, created_ms) "
                    + "VALUES (" + model + ", 1, '%s', 10, 10, 1)";
            execute(c, dataset.formatted("reference"));
            execute(c, dataset.formatted("batch"));
            execute(c, dataset.formatted("batch"));
            assertThatThrownBy(() -> execute(c, dataset.formatted("reference")))
                    .hasMessageContaining("drift_datasets_one_reference");
            assertThatThrownBy(() -> execute(c, dataset.formatted("other"))).hasMessageContaining("check constraint");
            // one alert per rule and batch (v5)
            long seq = insertReturning(c, "INSERT INTO model_events(model_id, version, action, time_ms) VALUES ("
                    + model + ", 1, 'alert', 1) RETURNING seq");
            long seq2 = insertReturning(c, "INSERT INTO model_events(model_id, version, action, time_ms) VALUES ("
                    + model + ", 1, 'alert', 2) RETURNING seq");
            String alert = "INSERT INTO monitor_alerts(event_seq, model_id, rule_id, version, batch_ms, value) "
                    + "VALUES (%d, " + model + ", 7, 1, 1000, 0.5)";
            execute(c, alert.formatted(seq));
            assertThatThrownBy(() -> execute(c, alert.formatted(seq2))).hasMessageContaining("monitor_alerts");
            // the change counter update Database.recordChange runs
            assertThat(query(c, "UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 "
                    + "WHERE key = 'change_seq' RETURNING value")).containsExactly("1");
            execute(c, "UPDATE store_meta SET value = '0' WHERE key = 'change_seq'");
            // NaN is bound as NULL by SqlDoubles; PostgreSQL itself would keep NaN (and sort it above +Infinity)
            assertThat(query(c, "SELECT 'NaN'::double precision > 'Infinity'::double precision")).containsExactly("t");
        }
    }

    @Test
    void textComparesLikeSqliteBinaryAndLikePatterns() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            for (String name : List.of("b", "ABC", "a_c", "abc", "Äx", "A%")) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys(name) VALUES (?)")) {
                    ps.setString(1, "text-" + name);
                    ps.executeUpdate();
                }
            }
            String scope = "SELECT substr(name, 6) FROM keys WHERE name LIKE 'text-%' ";
            // byte order, as SQLite's BINARY collation: upper case before lower case, non-ASCII last
            assertThat(query(c, scope + "ORDER BY name")).containsExactly("A%", "ABC", "a_c", "abc", "b", "Äx");
            assertThat(query(c, scope + "ORDER BY " + dialect.orderNoCase("name") + ", name"))
                    .containsExactly("A%", "a_c", "ABC", "abc", "b", "Äx");
            assertThat(matches(c, dialect.caseSensitiveLike("name"), "text-a\\_c")).containsExactly("a_c");
            assertThat(matches(c, dialect.caseSensitiveLike("name"), "text-a_c")).containsExactly("a_c", "abc");
            assertThat(matches(c, dialect.caseSensitiveLike("name"), "text-A\\%")).containsExactly("A%");
            assertThat(matches(c, dialect.caseInsensitiveLike("name"), "text-abc")).containsExactly("ABC", "abc");
            // ASCII-only case folding, as SQLite's LIKE
            assertThat(matches(c, dialect.caseInsensitiveLike("name"), "text-äx")).isEmpty();
            assertThat(query(c, "SELECT " + dialect.positionOf("'c'", "'abc'"))).containsExactly("3");
            // stringtype=unspecified: a string bound where a number is expected is typed by the server
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM keys WHERE id > ?")) {
                ps.setString(1, "0");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(6);
                }
            }
            execute(c, "DELETE FROM keys WHERE name LIKE 'text-%'");
        }
    }

    // ------------------------------------------------------------------ change detection

    @Test
    void notificationsAnnounceCommittedChanges() throws Exception {
        try (Connection probe = dialect.connect(StoreMode.LOCAL, 0);
             Connection writer = dialect.connect(StoreMode.LOCAL, 0)) {
            long v0 = dialect.dataVersion(probe);
            assertThat(dialect.dataVersion(probe)).isEqualTo(v0);

            dialect.beginWrite(writer);
            dialect.announceChange(writer, 41);
            Thread.sleep(300);
            assertThat(dialect.dataVersion(probe)).as("not before the commit").isEqualTo(v0);
            execute(writer, "ROLLBACK");
            Thread.sleep(300);
            assertThat(dialect.dataVersion(probe)).as("not after a rollback").isEqualTo(v0);

            dialect.beginWrite(writer);
            dialect.announceChange(writer, 42);
            execute(writer, "COMMIT");
            long v1 = awaitChange(probe, v0);
            assertThat(v1).isGreaterThan(v0);
            assertThat(dialect.dataVersion(probe)).isEqualTo(v1);

            // another process's commit (a plain connection, not from this dialect's pool) is seen too
            try (Connection other = store.open()) {
                execute(other, "SELECT pg_notify('" + PostgresDialect.CHANNEL + "', '43')");
            }
            assertThat(awaitChange(probe, v1)).isGreaterThan(v1);
        }
    }

    @Test
    void aReconnectedProbeReportsANewVersion() throws Exception {
        PostgresDialect d = dialect(store, 2000);
        long before;
        long pid;
        try (Connection probe = d.connect(StoreMode.LOCAL, 0)) {
            before = d.dataVersion(probe);
            pid = count(probe, "SELECT pg_backend_pid()");
        }
        try (Connection admin = store.open()) {
            execute(admin, "SELECT pg_terminate_backend(" + pid + ")");
        }
        Thread.sleep(600); // past HikariCP's 500 ms window without a liveness check
        try (Connection probe = d.connect(StoreMode.LOCAL, 0)) {
            assertThat(count(probe, "SELECT pg_backend_pid()")).isNotEqualTo(pid);
            // the new connection missed whatever was announced meanwhile: it must not report the old value
            assertThat(d.dataVersion(probe)).isNotEqualTo(before);
        }
    }

    private static long awaitChange(Connection probe, long from) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            long v = dialect.dataVersion(probe);
            if (v != from) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no notification within 5 s");
    }

    // ------------------------------------------------------------------ errors

    @Test
    void waitingForTheWriteLockIsBusy() throws SQLException {
        PostgresDialect impatient = dialect(store, 300);
        try (Connection holder = dialect.connect(StoreMode.LOCAL, 0);
             Connection waiter = impatient.connect(StoreMode.LOCAL, 0)) {
            dialect.beginWrite(holder);
            long t0 = System.nanoTime();
            SQLException e = catchThrowableOfType(SQLException.class, () -> impatient.beginWrite(waiter));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("55P03");
            assertThat(impatient.isBusy(e)).isTrue();
            assertThat(impatient.isConnectionFailure(e)).isFalse();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(250L, 3000L);
            execute(holder, "COMMIT");
            // the failed begin rolled back: the waiter can start again and gets the lock now
            impatient.beginWrite(waiter);
            execute(waiter, "COMMIT");
        }
    }

    @Test
    void serializationFailureAndDeadlockAreBusy() throws Exception {
        try (Connection a = dialect.connect(StoreMode.LOCAL, 0); Connection b = dialect.connect(StoreMode.LOCAL, 0)) {
            execute(a, "CREATE TABLE IF NOT EXISTS busy_probe (id integer PRIMARY KEY, v integer)");
            execute(a, "INSERT INTO busy_probe VALUES (1, 0), (2, 0) ON CONFLICT DO NOTHING");
            // 40001: a repeatable-read transaction updates a row changed since its snapshot
            execute(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            execute(a, "SELECT * FROM busy_probe");
            execute(b, "UPDATE busy_probe SET v = v + 1 WHERE id = 1");
            SQLException serialization = catchThrowableOfType(SQLException.class,
                    () -> execute(a, "UPDATE busy_probe SET v = v + 1 WHERE id = 1"));
            execute(a, "ROLLBACK");
            assertThat(serialization.getSQLState()).isEqualTo("40001");
            assertThat(dialect.isBusy(serialization)).isTrue();
            // 40P01: two transactions lock two rows in opposite orders
            execute(a, "BEGIN");
            execute(b, "BEGIN");
            execute(a, "UPDATE busy_probe SET v = v + 1 WHERE id = 1");
            execute(b, "UPDATE busy_probe SET v = v + 1 WHERE id = 2");
            CompletableFuture<SQLException> first = CompletableFuture.supplyAsync(() -> failure(a,
                    "UPDATE busy_probe SET v = v + 1 WHERE id = 2"));
            SQLException second = failure(b, "UPDATE busy_probe SET v = v + 1 WHERE id = 1");
            SQLException deadlock = second != null ? second : first.get(10, TimeUnit.SECONDS);
            execute(a, "ROLLBACK");
            execute(b, "ROLLBACK");
            assertThat((Throwable) deadlock).isNotNull();
            assertThat(deadlock.getSQLState()).isEqualTo("40P01");
            assertThat(dialect.isBusy(deadlock)).isTrue();
            execute(a, "DROP TABLE busy_probe");
        }
    }

    @Test
    void readOnlyConnectionsRefuseWrites() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.READ_ONLY, 0)) {
            assertThat(dialect.schemaVersion(c)).isEqualTo(CURRENT_VERSION);
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> execute(c, "INSERT INTO keys(name) VALUES ('read-only')"));
            assertThat(dialect.isReadOnlyFailure(e)).isTrue();
            assertThat(dialect.isBusy(e)).isFalse();
        }
    }

    @Test
    void aServerThatIsNotThereFailsFastInOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresDialect down = track(new PostgresDialect("127.0.0.1", port, "cairn", "cairn", "secret", 1000));
        long t0 = System.nanoTime();
        SQLException e = catchThrowableOfType(SQLException.class, () -> down.connect(StoreMode.LOCAL, 0));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat((Throwable) e).isNotNull();
        assertThat(down.isConnectionFailure(e)).isTrue();
        assertThat(down.isBusy(e)).isFalse();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port + "/cairn").doesNotContain("\n")
                .doesNotContain("secret");
        assertThat(ms).as("refused at once, not after the 10 s connect timeout (slack for a loaded machine)")
                .isLessThan(5000);
        // and again (the failed pool is not kept)
        SQLException again = catchThrowableOfType(SQLException.class, () -> down.connect(StoreMode.LOCAL, 0));
        assertThat(down.isConnectionFailure(again)).isTrue();
    }

    @Test
    void aDroppedConnectionIsAConnectionFailure() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0); Connection admin = store.open()) {
            long pid = Long.parseLong(query(c, "SELECT pg_backend_pid()").get(0));
            execute(admin, "SELECT pg_terminate_backend(" + pid + ")");
            SQLException e = catchThrowableOfType(SQLException.class, () -> execute(c, "SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(dialect.isConnectionFailure(e)).as(e.getSQLState() + " " + e.getMessage()).isTrue();
            assertThat(dialect.isBusy(e)).isFalse();
        }
        // the pool replaces the dead connection
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            assertThat(query(c, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void wrongOrMissingPasswordIsNotAConnectionFailure() {
        PostgresDialect wrong = track(new PostgresDialect(store.host(), store.port(), store.database(), store.user(),
                "wrong-" + store.password(), 1000, Map.of()));
        SQLException e = catchThrowableOfType(SQLException.class, () -> wrong.connect(StoreMode.LOCAL, 0));
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(e.getMessage()).contains("password authentication failed").doesNotContain("\n");
        assertThat(wrong.isConnectionFailure(e)).isFalse();

        PostgresDialect none = track(new PostgresDialect(store.host(), store.port(), store.database(), store.user(),
                null, 1000, Map.of()));
        String pgpass = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", "/nonexistent/pgpass");
        try {
            SQLException missing = catchThrowableOfType(SQLException.class, () -> none.connect(StoreMode.LOCAL, 0));
            assertThat(missing.getMessage()).contains("no password was provided");
            assertThat(none.isConnectionFailure(missing)).isFalse();
        } finally {
            restore("org.postgresql.pgpassfile", pgpass);
        }
    }

    // ------------------------------------------------------------------ passwords

    @Test
    void passwordFromPgpasswordEnvironment() throws SQLException {
        PostgresDialect d = track(new PostgresDialect(store.host(), store.port(), store.database(), store.user(),
                null, 1000, Map.of("PGPASSWORD", store.password())));
        try (Connection c = d.connect(StoreMode.LOCAL, 0)) {
            assertThat(query(c, "SELECT current_user")).containsExactly(store.user());
        }
    }

    @Test
    void passwordFromPgpassFileReadByTheDriver(@TempDir Path dir) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# host:port:database:user:password\n"
                + store.host() + ":" + store.port() + ":*:" + store.user() + ":" + store.password() + "\n");
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            PostgresDialect d = track(new PostgresDialect(store.host(), store.port(), store.database(), store.user(),
                    null, 1000, Map.of()));
            try (Connection c = d.connect(StoreMode.LOCAL, 0)) {
                assertThat(query(c, "SELECT current_user")).containsExactly(store.user());
            }
        } finally {
            restore("org.postgresql.pgpassfile", before);
        }
    }

    @Test
    void connectionSettings() throws SQLException {
        try (Connection c = dialect.connect(StoreMode.LOCAL, 0)) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(query(c, "SELECT current_setting('lock_timeout'), current_setting('application_name')"))
                    .containsExactly("2s|Cairn");
            assertThat(dialect.name()).isEqualTo("postgresql");
            assertThat(dialect.describe()).isEqualTo(store.database() + "@" + store.host());
            assertThat(dialect.toString()).doesNotContain(store.password());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Runs the scripts after the stored version up to {@code version} as SchemaMigrator.migrate does. */
    static void migrate(PostgresDialect d, Connection c, int version) throws SQLException {
        d.beginWrite(c);
        try {
            int from = d.schemaVersion(c);
            if (from == 0) {
                d.markAsCairnStore(c);
            }
            for (int v = from + 1; v <= version; v++) {
                for (String sql : statements(script(v))) {
                    execute(c, sql);
                }
            }
            d.setSchemaVersion(c, version);
            execute(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            execute(c, "ROLLBACK");
            throw e;
        }
    }

    static String script(int version) {
        return resource("/dev/cairn/store/schema/postgresql/" + SCRIPTS[version - 1]);
    }

    static String resource(String name) {
        try (InputStream in = PostgresDialectTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SchemaMigrator.statements, the splitter the store uses (package-private; before the refactor in
     * dev.cairn.store.sql, after it in this package, where this can become a direct call).
     */
    @SuppressWarnings("unchecked")
    static List<String> statements(String script) {
        for (String name : List.of("dev.cairn.store.internal.sql.SchemaMigrator", "dev.cairn.store.sql.SchemaMigrator")) {
            try {
                Method m = Class.forName(name).getDeclaredMethod("statements", String.class);
                m.setAccessible(true);
                return (List<String>) m.invoke(null, script);
            } catch (ClassNotFoundException e) {
                // try the other package
            } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot call " + name + ".statements", e);
            }
        }
        throw new IllegalStateException("no SchemaMigrator found");
    }

    static Location newDatabase() {
        String uri = PostgresTestDatabases.create();
        databases.add(PostgresTestDatabases.databaseName(uri));
        return Location.parse(uri);
    }

    static PostgresDialect dialect(Location location, long busyTimeoutMs) {
        return track(location.dialect(busyTimeoutMs));
    }

    static PostgresDialect track(PostgresDialect d) {
        dialects.add(d);
        return d;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static SQLException failure(Connection c, String sql) {
        try {
            execute(c, sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(query(c, sql).get(0));
    }

    static long insertReturning(Connection c, String sql) throws SQLException {
        return count(c, sql);
    }

    /** Each row as its columns joined by '|' (two columns: key=value). */
    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        row.append(n == 2 && sql.contains("store_meta") ? "=" : "|");
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> matches(Connection c, String predicate, String pattern) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT substr(name, 6) FROM keys WHERE name LIKE 'text-%' AND "
                + predicate + " ORDER BY name")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** name:family:notnull per column, in order; family maps SQLite's declared types to PostgreSQL's. */
    private static List<String> sqliteColumns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String row : query(c, "SELECT name, upper(type), \"notnull\" OR pk > 0 FROM pragma_table_info('" + table
                + "') ORDER BY cid")) {
            String[] f = row.split("\\|");
            String family = switch (f[1]) {
                case "INTEGER" -> "integer";
                case "TEXT" -> "text";
                case "REAL" -> "real";
                case "BLOB" -> "blob";
                default -> throw new IllegalStateException("type " + f[1]);
            };
            out.add(f[0] + ":" + family + ":" + (f[2].equals("1") ? "not null" : "null"));
        }
        return out;
    }

    private static List<String> pgColumns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String row : query(c, "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            String[] f = row.split("\\|");
            String family = switch (f[1]) {
                case "bigint", "integer" -> "integer";
                case "text" -> "text";
                case "double precision" -> "real";
                case "bytea" -> "blob";
                default -> throw new IllegalStateException(table + "." + f[0] + " has type " + f[1]);
            };
            out.add(f[0] + ":" + family + ":" + (f[2].equals("NO") ? "not null" : "null"));
        }
        return out;
    }

    /** Named indexes and unique constraints: "table(columns) unique? where?" keyed by name (unnamed: by columns). */
    private static Map<String, String> sqliteIndexes(Connection c, List<String> tables) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String table : tables) {
            for (String row : query(c, "SELECT name, \"unique\", origin, partial FROM pragma_index_list('" + table
                    + "')")) {
                String[] f = row.split("\\|");
                if (f[2].equals("pk")) {
                    continue;
                }
                String columns = String.join(",", query(c, "SELECT name FROM pragma_index_info('" + f[0]
                        + "') ORDER BY seqno"));
                String where = "";
                if (f[3].equals("1")) {
                    String sql = query(c, "SELECT sql FROM sqlite_master WHERE name = '" + f[0] + "'").get(0);
                    where = " where " + sql.substring(sql.indexOf(" WHERE ") + 7).replace("'", "").strip();
                }
                String key = f[2].equals("u") ? "unique " + table + "(" + columns + ")" : f[0];
                out.put(key, table + "(" + columns + ")" + (f[1].equals("1") ? " unique" : "") + where);
            }
        }
        return out;
    }

    private static Map<String, String> pgIndexes(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String row : query(c, "SELECT k.relname::text, t.relname::text, x.indisunique, "
                + "(SELECT string_agg(a.attname::text, ',' ORDER BY i) FROM unnest(x.indkey) WITH ORDINALITY AS u(attnum, i) "
                + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum), "
                + "pg_get_expr(x.indpred, x.indrelid), "
                + "EXISTS (SELECT 1 FROM pg_constraint o WHERE o.conindid = x.indexrelid AND o.contype = 'u') "
                + "FROM pg_index x JOIN pg_class k ON k.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname = current_schema() AND NOT x.indisprimary")) {
            String[] f = row.split("\\|");
            String where = f[4].equals("null") ? "" : " where " + f[4].replaceAll("[()']", "")
                    .replace("::text", "").strip();
            String key = f[5].equals("t") ? "unique " + f[1] + "(" + f[3] + ")" : f[0];
            // the summaries' ordering indexes end with run_seq on PostgreSQL as SQLite's WITHOUT ROWID indexes
            // implicitly do (they carry the primary key): the same physical shape
            String columns = f[1].equals("metric_summaries") ? f[3].replaceFirst(",run_seq$", "") : f[3];
            out.put(key, f[1] + "(" + columns + ")" + (f[2].equals("t") ? " unique" : "") + where);
        }
        return out;
    }

    private static TreeSet<String> sqliteForeignKeys(Connection c, List<String> tables) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        for (String table : tables) {
            for (String row : query(c, "SELECT \"table\", group_concat(\"from\"), group_concat(\"to\"), on_delete "
                    + "FROM (SELECT * FROM pragma_foreign_key_list('" + table + "') ORDER BY id, seq) GROUP BY id")) {
                String[] f = row.split("\\|");
                out.add(table + "(" + f[1] + ") -> " + f[0] + "(" + f[2] + ")" + " on delete " + f[3].toLowerCase());
            }
        }
        return out;
    }

    private static TreeSet<String> pgForeignKeys(Connection c) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        for (String row : query(c, "SELECT t.relname::text, r.relname::text, "
                + "(SELECT string_agg(a.attname::text, ',' ORDER BY i) FROM unnest(o.conkey) WITH ORDINALITY u(n, i) "
                + " JOIN pg_attribute a ON a.attrelid = o.conrelid AND a.attnum = u.n), "
                + "(SELECT string_agg(a.attname::text, ',' ORDER BY i) FROM unnest(o.confkey) WITH ORDINALITY u(n, i) "
                + " JOIN pg_attribute a ON a.attrelid = o.confrelid AND a.attnum = u.n), "
                + "CASE o.confdeltype WHEN 'c' THEN 'cascade' ELSE 'no action' END "
                + "FROM pg_constraint o JOIN pg_class t ON t.oid = o.conrelid JOIN pg_class r ON r.oid = o.confrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE o.contype = 'f' AND n.nspname = current_schema()")) {
            String[] f = row.split("\\|");
            out.add(f[0] + "(" + f[2] + ") -> " + f[1] + "(" + f[3] + ")" + " on delete " + f[4]);
        }
        return out;
    }
}
