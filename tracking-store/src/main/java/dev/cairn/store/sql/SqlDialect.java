package dev.cairn.store.sql;

import dev.cairn.store.StoreMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Everything that differs between database engines: connection set-up, pragmas, schema scripts, version
 * bookkeeping, write-transaction start, busy detection and the cheap change probe. SQLite is the only dialect
 * today; PostgreSQL is meant to be an addition here, not a rewrite elsewhere.
 */
public interface SqlDialect {

    /** Short name, also the folder of the dialect's schema scripts. */
    String name();

    /** Opens one connection to the store at {@code path} in {@code mode}. */
    Connection connect(Path path, StoreMode mode, long busyTimeoutMs) throws SQLException;

    /** Applies per-connection settings (journal mode, caches, timeouts). */
    void configure(Connection connection, StoreMode mode, long busyTimeoutMs) throws SQLException;

    /** The schema version recorded in the store (0 for an empty database). */
    int schemaVersion(Connection connection) throws SQLException;

    /** Records the schema version; called inside the migration transaction. */
    void setSchemaVersion(Connection connection, int version) throws SQLException;

    /** True when the database holds tables that are not a Cairn store's. */
    boolean isForeignDatabase(Connection connection) throws SQLException;

    /** Stamps a new database as a Cairn store. */
    void markAsCairnStore(Connection connection) throws SQLException;

    /** Starts a transaction that takes the write lock at once. */
    void beginWrite(Connection connection) throws SQLException;

    /** True when the exception means "another process holds the lock; try again". */
    boolean isBusy(SQLException e);

    /** True when the exception means the database or its directory cannot be written. */
    boolean isReadOnlyFailure(SQLException e);

    /** A value that changes whenever any connection commits; must be near-free to read. */
    long dataVersion(Connection connection) throws SQLException;

    /** Writes a consistent copy of the whole store to {@code target} (used before migrating). */
    void backup(Connection connection, Path target) throws SQLException;

    /** Checks physical integrity; returns "ok" or the problems found. */
    String integrityCheck(Connection connection) throws SQLException;
}
