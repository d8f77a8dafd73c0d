package dev.cairn.store.internal.sql;

import dev.cairn.store.StoreMode;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Everything that differs between database engines, for one store: connections, version bookkeeping, the start
 * of a write transaction, which errors mean "busy, retry" or "server gone", the cheap change probe, backups before
 * migrations, sizes and the few SQL fragments whose spelling differs. The rest of the store's SQL is written once,
 * in the dialect both engines share ({@code RETURNING}, {@code ON CONFLICT .. DO UPDATE}, row values, explicit
 * {@code NULLS LAST}).
 */
public interface SqlDialect {

    /** Short name, also the folder of the dialect's schema scripts: {@code sqlite} or {@code postgresql}. */
    String name();

    /** The store for messages: its file, or {@code postgresql://user@host:port/db}. */
    String describe();

    /** Opens one configured connection in {@code mode} (autocommit on). */
    Connection connect(StoreMode mode, long busyTimeoutMs) throws SQLException;

    /** The schema version recorded in the store (0 for an empty database). */
    int schemaVersion(Connection connection) throws SQLException;

    /** Records the schema version; called inside the migration transaction. */
    void setSchemaVersion(Connection connection, int version) throws SQLException;

    /** True when the database holds tables that are not a Cairn store's. */
    boolean isForeignDatabase(Connection connection) throws SQLException;

    /** Stamps a new database as a Cairn store (inside the migration transaction). */
    void markAsCairnStore(Connection connection) throws SQLException;

    /** Starts a transaction that holds the store's write lock until it ends. */
    void beginWrite(Connection connection) throws SQLException;

    /**
     * Makes the read about to run on {@code connection} (a pooled reader, autocommit on) stoppable by {@code cancel}.
     * Returns the action that stops its running statement from another thread (it may wait on the network; the
     * store calls it on its own canceller thread), or null when the dialect stops the statement on the read's own
     * thread. {@link #endCancellable} follows when the read ends.
     */
    default Runnable cancellable(Connection connection, dev.cairn.store.ReadCancellation cancel) throws SQLException {
        return null;
    }

    /** The read made stoppable by {@link #cancellable} has ended. */
    default void endCancellable(Connection connection) {
    }

    /** True when the exception means the statement was stopped by a cancel (see {@link #cancellable}). */
    default boolean isCancelled(SQLException e) {
        return false;
    }

    /** True when the exception means "another writer holds the lock, or the transaction lost a race; retry". */
    boolean isBusy(SQLException e);

    /** True when the exception means the store cannot be written (read-only file, folder or role). */
    boolean isReadOnlyFailure(SQLException e);

    /**
     * Null while the store this dialect opened is still the one at its location; else why not, in one line (its
     * file was deleted, moved or replaced). Cheap: called before every read, write and change-token poll.
     */
    default String identityChange() {
        return null;
    }

    /**
     * Called once after {@link #identityChange()} reported the store gone and every connection was closed: sets aside
     * what the old store left at its location that would otherwise be taken for part of the file there now.
     */
    default void abandoned() {
    }

    /**
     * An id of the current write transaction whose outcome {@link #committed} can tell after its connection broke
     * during COMMIT; null when the engine cannot tell (a local file has no such in-between state).
     */
    default Object transactionId(Connection connection) throws SQLException {
        return null;
    }

    /** Whether transaction {@code txid} committed: true, false (rolled back), or null while that cannot be told. */
    default Boolean committed(Connection connection, Object txid) throws SQLException {
        return null;
    }

    /** True when the exception means the disk holding the store is full (nothing of the transaction was written). */
    default boolean isDiskFull(SQLException e) {
        return false;
    }

    /** True when the exception means the server is unreachable or the connection dropped. */
    boolean isConnectionFailure(SQLException e);

    /** A value that changes whenever any connection commits; near-free to read on the probe connection. */
    long dataVersion(Connection probe) throws SQLException;

    /** Announces a committed change to other clients (inside the write transaction; delivered at commit). */
    void announceChange(Connection connection, long changeSeq) throws SQLException;

    /** Keeps a copy of the store before a migration from {@code fromVersion}, where the engine needs one. */
    void backupBeforeMigration(Connection connection, int fromVersion) throws SQLException;

    /** Checks physical integrity; returns "ok" or the problems found. */
    String integrityCheck(Connection connection) throws SQLException;

    /** Bytes the store takes on disk. */
    long sizeBytes(Connection connection) throws SQLException;

    /** Bytes the metric series tables ({@code metric_chunks}, {@code metric_summaries}) take with their indexes. */
    long seriesSizeBytes(Connection connection) throws SQLException;

    /** Refreshes the planner's statistics (after a large import). */
    void optimize(Connection connection) throws SQLException;

    /** SQL for the 1-based position of {@code needle} in {@code haystack}, 0 when absent. */
    String positionOf(String needle, String haystack);

    /** SQL matching {@code column} case-sensitively against one bound LIKE pattern (see {@link #likePattern}). */
    String caseSensitiveLike(String column);

    /** SQL matching {@code column} ignoring ASCII case against one bound LIKE pattern. */
    String caseInsensitiveLike(String column);

    /** The value to bind for {@link #caseSensitiveLike} or {@link #caseInsensitiveLike} from an MLflow pattern. */
    String likePattern(String mlflowPattern, boolean caseSensitive);

    /** An ORDER BY term sorting {@code column} ignoring case. */
    String orderNoCase(String column);

    /** Makes {@code table}'s generated ids continue after the largest {@code column} (after a copy with ids). */
    void continueIdentity(Connection connection, String table, String column) throws SQLException;

    /** A connection turned out broken: drop idle pooled ones too, they likely broke with it (server restart). */
    default void connectionLost() {
    }

    /** Releases what the dialect holds (a connection pool). */
    default void close() {
    }
}
