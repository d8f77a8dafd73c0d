package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * DRAFT, only so that {@link PostgresDialect} compiles on the pg branch: a copy of the {@code SqlDialect} interface
 * that the store refactor introduces (design/README.md). Delete this file when merging and let PostgresDialect
 * implement {@code SqlDialect}.
 */
public interface SqlDialectDraft {
    /** "sqlite" | "postgresql": the folder of the schema scripts. */
    String name();

    /** For messages and the window title: "cairn.db" or "db@host". */
    String describe();

    /** A configured connection (PostgreSQL: from a HikariCP pool). */
    Connection connect(StoreMode mode) throws SQLException;

    /** 0 for an empty database. */
    int schemaVersion(Connection c) throws SQLException;

    void setSchemaVersion(Connection c, int version) throws SQLException;

    boolean isForeignDatabase(Connection c) throws SQLException;

    void markAsCairnStore(Connection c) throws SQLException;

    /** SQLite BEGIN IMMEDIATE; PostgreSQL BEGIN + pg_advisory_xact_lock(..). */
    void beginWrite(Connection c) throws SQLException;

    /** Retryable: SQLITE_BUSY; PostgreSQL 40001, 40P01, 55P03. */
    boolean isBusy(SQLException e);

    boolean isReadOnlyFailure(SQLException e);

    /** PostgreSQL 08xxx / 57P01.. (server down / dropped). */
    boolean isConnectionFailure(SQLException e);

    /** SQLite PRAGMA data_version; PostgreSQL LISTEN cairn_changes + count notifications. */
    long dataVersion(Connection probe) throws SQLException;

    /** PostgreSQL SELECT pg_notify('cairn_changes', ?); SQLite no-op. */
    void announceChange(Connection c, long changeSeq) throws SQLException;

    /** SQLite VACUUM INTO; PostgreSQL nothing (the migration is one transaction). */
    void backupBeforeMigration(Connection c, int fromVersion) throws SQLException;

    String integrityCheck(Connection c) throws SQLException;

    /** File size / pg_database_size. */
    long sizeBytes(Connection c) throws SQLException;

    /** instr(h, n) | strpos(h, n). */
    String positionOf(String needleSql, String haystackSql);

    /** SQLite: column GLOB ? (pattern via LikePatterns.toGlob); PostgreSQL: column LIKE ? ESCAPE '\'. */
    String caseSensitiveLike(String column);

    /** SQLite: column LIKE ?; PostgreSQL: column ILIKE ?. */
    String caseInsensitiveLike(String column);

    /** column COLLATE NOCASE | lower(column). */
    String orderNoCase(String column);

    /** Closes the pool. */
    void close();
}
