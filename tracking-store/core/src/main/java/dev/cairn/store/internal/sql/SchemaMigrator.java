package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;
import dev.cairn.store.internal.series.ChunkSummaryBackfill;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a store's schema to {@link #CURRENT_VERSION}. A new file gets every script in order; an older store is
 * first copied aside to {@code <name>.bak-v<N>}, then migrated in one transaction; a newer store is refused and
 * left untouched.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** The schema version this build writes. Each version N has a script {@code V<N>__*.sql} per dialect. */
    public static final int CURRENT_VERSION = 7;

    private static final String[] SCRIPTS = {
        "V1__initial.sql",
        "V2__provenance_and_changes.sql",
        "V3__model_registry.sql",
        "V4__drift.sql",
        "V5__monitoring.sql",
        "V6__registry_deletes.sql",
        "V7__chunk_summaries.sql",
    };

    private final SqlDialect dialect;

    public SchemaMigrator(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Checks and migrates the store behind {@code connection} (a fresh connection, no transaction open).
     *
     * @return the schema version the store had before
     */
    public int migrate(Connection connection, StoreMode mode) throws SQLException {
        String path = dialect.describe();
        int version = check(connection);
        if (version == CURRENT_VERSION) {
            return version;
        }
        if (mode == StoreMode.READ_ONLY) {
            if (version == 0) {
                throw new StoreException(path + " is empty and read-only, so it cannot be made a Cairn store.");
            }
            throw new StoreException(path + " uses store schema v" + version
                    + " and is read-only, so it cannot be upgraded to v" + CURRENT_VERSION
                    + ". Open a writable copy.");
        }
        if (version > 0) {
            dialect.backupBeforeMigration(connection, version);
        }
        dialect.beginWrite(connection);
        try {
            int locked = dialect.schemaVersion(connection);
            if (locked == CURRENT_VERSION) {
                execute(connection, "COMMIT");
                return version;
            }
            if (locked == 0) {
                dialect.markAsCairnStore(connection);
            }
            for (int v = locked + 1; v <= CURRENT_VERSION; v++) {
                for (String statement : statements(script(v))) {
                    execute(connection, statement);
                }
                if (v == 7) {
                    int filled = ChunkSummaryBackfill.fill(connection);
                    if (filled > 0) {
                        LOG.info("summarised {} metric chunks of {}", filled, path);
                    }
                }
            }
            dialect.setSchemaVersion(connection, CURRENT_VERSION);
            execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            execute(connection, "ROLLBACK");
            throw e;
        }
        if (version > 0) {
            LOG.info("migrated {} from schema v{} to v{}", path, version, CURRENT_VERSION);
        }
        return version;
    }

    /**
     * Checks, without changing anything, that the database behind {@code connection} is a store this build can open
     * (possibly after migrating): not another program's database, not from a newer Cairn, with a schema version
     * that makes sense. Every refusal is one line naming the store.
     *
     * @return the store's schema version (0 for an empty database)
     */
    public int check(Connection connection) throws SQLException {
        String path = dialect.describe();
        if (dialect.isForeignDatabase(connection)) {
            throw new StoreException(path + " is a database but not a Cairn store; it was not changed. "
                    + "To read another tracker's database, import it (cairn import).");
        }
        int version = dialect.schemaVersion(connection);
        if (version > CURRENT_VERSION) {
            throw new StoreVersionException(path + " was written by a newer Cairn (store schema v"
                    + version + "; this Cairn reads up to v" + CURRENT_VERSION
                    + "). Open it with a newer Cairn; the file was not changed.", version, CURRENT_VERSION);
        }
        if (version < 0) {
            throw new StoreException(path + " has an invalid store schema version (" + version
                    + "; PRAGMA user_version was changed by hand?); the file was not changed.");
        }
        if (version == 0 && hasTable(connection, "store_meta")) {
            throw new StoreException(path + " holds a Cairn store whose schema version was reset to 0 (PRAGMA "
                    + "user_version changed by hand?), so its schema is unknown; the file was not changed.");
        }
        return version;
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (var rs = connection.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** Creates a store at exactly {@code version} (used by tests and tools that need an old store). */
    public void createAtVersion(Connection connection, int version) throws SQLException {
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("no schema version " + version);
        }
        dialect.beginWrite(connection);
        dialect.markAsCairnStore(connection);
        for (int v = 1; v <= version; v++) {
            for (String statement : statements(script(v))) {
                execute(connection, statement);
            }
        }
        dialect.setSchemaVersion(connection, version);
        execute(connection, "COMMIT");
    }

    private String script(int version) {
        String name = "/dev/cairn/store/schema/" + dialect.name() + "/" + SCRIPTS[version - 1];
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + name, e);
        }
    }

    /** Splits a script into statements: strips {@code --} comments, splits on semicolons at line ends. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
