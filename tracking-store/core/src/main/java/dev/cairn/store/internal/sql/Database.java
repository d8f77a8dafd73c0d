package dev.cairn.store.internal.sql;

import dev.cairn.store.ReadCancellation;
import dev.cairn.store.StoreMode;
import dev.cairn.store.model.QueryCancelledException;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreFullException;
import dev.cairn.store.model.StoreGoneException;
import dev.cairn.store.model.StoreReadOnlyException;
import dev.cairn.store.model.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections and transactions for one store file. One writer connection (writes are serialised in-process by
 * a lock and across processes by the database's own lock, with retries while busy), a small pool of reader
 * connections, and a dedicated probe connection for the change token. Work done inside a write transaction on
 * the same thread sees the transaction's own writes.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_READERS = 4;
    /** How long a cancelled read waits for its cancel request to reach the server before dropping the connection. */
    private static final long CANCEL_WAIT_MS = 10_000;
    /** How often a cancel request is sent again while the cancelled read still runs. */
    private static final long CANCEL_RETRY_MS = 100;
    /** Sends the cancel requests that wait on the network (PostgreSQL), never on the canceller's thread. */
    private static final java.util.concurrent.ExecutorService CANCELLER = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "cairn-store-cancel");
                t.setDaemon(true);
                return t;
            });

    private final SqlDialect dialect;
    private final StoreMode mode;
    private final long busyTimeoutMs;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ThreadLocal<Tx> currentTx = new ThreadLocal<>();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
    private final List<Connection> allConnections = new ArrayList<>();
    private final Object probeLock = new Object();
    private Connection writer;
    private Connection probe;
    private long probeDataVersion = Long.MIN_VALUE;
    private long probeChangeSeq;
    /** Set by every local commit, so the next change token re-reads the counter (another connection's probe may
     * hear of it only later). */
    private volatile boolean committedHere;
    private int readerCount;
    private volatile boolean closed;
    /** Why the store is gone (its file deleted, moved or replaced), once noticed; every call then fails with it. */
    private volatile String gone;

    public Database(SqlDialect dialect, StoreMode mode, long busyTimeoutMs) {
        this.dialect = dialect;
        this.mode = mode;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public StoreMode mode() {
        return mode;
    }

    /** The store for messages (its file, or its server address without a password). */
    public String describe() {
        return dialect.describe();
    }

    /** Runs read work on a pooled connection, or on the current thread's transaction when there is one. */
    public <T> T read(SqlWork<T> work) {
        return read(work, false);
    }

    /**
     * Like {@link #read(SqlWork)}, for the reads a caller may stop (searches, counts, pages of run details): outside
     * a transaction the thread's {@link ReadCancellation} (see there) stops it, with a {@link QueryCancelledException},
     * and its connection goes back to the pool. Reads inside a write transaction, and the reads of write operations
     * (which use {@link #read(SqlWork)}), are never stopped.
     */
    public <T> T stoppableRead(SqlWork<T> work) {
        return read(work, true);
    }

    private <T> T read(SqlWork<T> work, boolean stoppable) {
        Tx tx = currentTx.get();
        if (tx != null) {
            try {
                return work.run(tx.connection());
            } catch (SQLException e) {
                throw translate(e, "read");
            }
        }
        ReadCancellation cancel = stoppable ? ReadCancellation.current() : null;
        ensureSameStore();
        for (int attempt = 1; ; attempt++) {
            if (cancel != null) {
                cancel.throwIfCancelled(describe());
            }
            Connection connection = borrowReader();
            boolean healthy = true;
            Stoppable watch = null;
            try {
                if (cancel != null) {
                    watch = new Stoppable(connection, cancel);
                    // a cancel before the stop was registered reached nothing (an idle PostgreSQL backend ignores it)
                    cancel.throwIfCancelled(describe());
                }
                return work.run(connection);
            } catch (SQLException e) {
                // stopped by its cancel, or by the store closed under it after the cancel: cancelled either way
                if (cancel != null && cancel.isCancelled() && (dialect.isCancelled(e) || closed)) {
                    throw new QueryCancelledException("The read of " + describe() + " was cancelled.", e);
                }
                healthy = !dialect.isConnectionFailure(e);
                if (!healthy && attempt == 1) {
                    LOG.warn("lost the connection to {} ({}); reconnecting", describe(), e.getMessage());
                    continue;
                }
                if (closed) {
                    throw new StoreException("The store " + describe() + " was closed during a read.", e);
                }
                throw translate(e, "read");
            } finally {
                if (watch != null && !watch.end()) {
                    healthy = false;
                }
                if (healthy) {
                    idleReaders.offer(connection);
                } else {
                    discardReader(connection);
                }
            }
        }
    }

    /**
     * A read made stoppable: registers the dialect's stop action with the cancellation. A blocking one (PostgreSQL's
     * cancel request) runs on the canceller thread, and again every {@value #CANCEL_RETRY_MS} ms while the read
     * goes on: a request that reaches the server between two statements of the read is ignored there. {@link #end()}
     * unregisters it and waits for a request on its way, so the connection is never handed to the next read with a
     * cancel still in flight.
     */
    private final class Stoppable {
        private final Connection connection;
        private final ReadCancellation.Registration registration;
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<?>> sent =
                new java.util.concurrent.atomic.AtomicReference<>();

        Stoppable(Connection connection, ReadCancellation cancel) throws SQLException {
            this.connection = connection;
            Runnable stop = dialect.cancellable(connection, cancel);
            this.registration = cancel.whileReading(stop == null ? () -> { } : () -> sent.set(CANCELLER.submit(() -> {
                try {
                    do {
                        stop.run();
                    } while (!ended.await(CANCEL_RETRY_MS, TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
        }

        /** Unregisters; false when a cancel request did not finish in time (the connection is then not reused). */
        boolean end() {
            registration.close();
            ended.countDown();
            dialect.endCancellable(connection);
            java.util.concurrent.Future<?> request = sent.get();
            if (request == null) {
                return true;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        request.get(CANCEL_WAIT_MS, TimeUnit.MILLISECONDS);
                        return true;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (java.util.concurrent.ExecutionException e) {
                        return true;
                    } catch (java.util.concurrent.TimeoutException e) {
                        LOG.debug("cancel request to {} still running after {} ms; dropping the connection",
                                describe(), CANCEL_WAIT_MS);
                        return false;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Runs write work in one transaction, retrying while another process holds the lock. Nested calls on the
     * same thread join the outer transaction. On failure nothing is written.
     */
    public <T> T write(TxWork<T> work) {
        Tx outer = currentTx.get();
        if (outer != null) {
            try {
                return work.run(outer);
            } catch (SQLException e) {
                throw translate(e, "write");
            }
        }
        ensureWritable();
        writeLock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(busyTimeoutMs, 1000) * 2);
            long backoffMs = 5;
            boolean reconnected = false;
            while (true) {
                ensureSameStore();
                Connection connection;
                try {
                    connection = writer();
                } catch (SQLException e) {
                    throw translate(e, "open");
                }
                Tx tx = new Tx(connection);
                currentTx.set(tx);
                boolean began = false;
                boolean committing = false;
                Object txid = null;
                T result = null;
                try {
                    dialect.beginWrite(connection);
                    began = true;
                    result = work.run(tx);
                    recordChange(tx);
                    txid = dialect.transactionId(connection);
                    committing = true;
                    execute(connection, "COMMIT");
                    committedHere = true;
                    tx.afterCommitActions().forEach(Runnable::run);
                    return result;
                } catch (SQLException | UncheckedSqlException thrown) {
                    SQLException e = thrown instanceof UncheckedSqlException u ? u.getCause() : (SQLException) thrown;
                    if (began) {
                        rollbackQuietly(connection);
                    }
                    if (dialect.isConnectionFailure(e)) {
                        discardWriter();
                        if (committing && txid != null) {
                            // the connection broke during COMMIT: the server may have stored it (only the answer
                            // was lost); redoing it then would store it twice, so ask the server what happened
                            Boolean stored = commitOutcome(txid);
                            if (Boolean.TRUE.equals(stored)) {
                                LOG.warn("lost the connection to {} during COMMIT ({}); the server had stored it",
                                        describe(), e.getMessage());
                                committedHere = true;
                                tx.afterCommitActions().forEach(Runnable::run);
                                return result;
                            }
                            if (stored == null) {
                                throw new StoreUnavailableException("The store " + describe() + " cannot be reached;"
                                        + " whether the last write was stored is unknown: " + firstLine(e.getMessage()),
                                        e);
                            }
                            committing = false; // rolled back: as safe to redo as a write that never reached COMMIT
                        }
                        // before COMMIT the server rolled the transaction back with the connection: safe to redo
                        if (!committing && !reconnected) {
                            reconnected = true;
                            LOG.warn("lost the connection to {} ({}); reconnecting", describe(), e.getMessage());
                            continue;
                        }
                    }
                    if (dialect.isBusy(e) && System.nanoTime() < deadline) {
                        LOG.debug("store busy, retrying in {} ms", backoffMs);
                        sleep(backoffMs + ThreadLocalRandom.current().nextLong(backoffMs));
                        backoffMs = Math.min(backoffMs * 2, 250);
                        continue;
                    }
                    throw translate(e, "write");
                } catch (RuntimeException | Error e) {
                    if (began) {
                        rollbackQuietly(connection);
                    }
                    if (e instanceof StoreUnavailableException) {
                        discardWriter();
                        if (!reconnected) {
                            reconnected = true;
                            LOG.warn("lost the connection to {} ({}); reconnecting", describe(), e.getMessage());
                            continue;
                        }
                    }
                    throw e;
                } finally {
                    currentTx.remove();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Whether the transaction {@code txid}, whose connection broke during COMMIT, was stored: asked on a fresh
     * connection, waiting for the server to come back for up to the busy timeout; null when that cannot be told.
     */
    private Boolean commitOutcome(Object txid) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(busyTimeoutMs, 1000));
        long backoffMs = 20;
        while (true) {
            Connection connection = null;
            try {
                connection = open();
                Boolean stored = dialect.committed(connection, txid);
                if (stored != null) {
                    return stored;
                }
            } catch (SQLException e) {
                if (!dialect.isConnectionFailure(e)) {
                    LOG.warn("cannot tell whether the last write to {} was stored: {}", describe(), e.getMessage());
                    return null;
                }
            } finally {
                if (connection != null) {
                    release(connection);
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, 500);
        }
    }

    /** Closes a connection opened for one question (a healthy one goes back to the dialect's pool). */
    private void release(Connection connection) {
        synchronized (allConnections) {
            allConnections.remove(connection);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection", e);
        }
    }

    /** Convenience for write work without a result. */
    public void writeVoid(TxVoidWork work) {
        write(tx -> {
            work.run(tx);
            return null;
        });
    }

    /** True when the current thread is inside a write transaction. */
    public boolean inTransaction() {
        return currentTx.get() != null;
    }

    /** Fails with a clear message when the store is read-only. */
    public void ensureWritable() {
        if (mode == StoreMode.READ_ONLY) {
            throw new StoreReadOnlyException("The store " + describe() + " is open read-only; it cannot be changed.");
        }
    }

    /**
     * The change token: the store's change counter, re-read only when the database says another connection
     * committed (near-free otherwise).
     */
    public long changeToken() {
        ensureSameStore();
        synchronized (probeLock) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return probeChangeSeq();
                } catch (SQLException e) {
                    boolean lost = dialect.isConnectionFailure(e);
                    if (lost && probe != null) {
                        closeQuietly(probe);
                        probe = null;
                        probeDataVersion = Long.MIN_VALUE;
                    }
                    if (!lost || attempt > 1) {
                        throw translate(e, "read");
                    }
                }
            }
        }
    }

    private long probeChangeSeq() throws SQLException {
        if (probe == null) {
            probe = open();
        }
        long dataVersion = dialect.dataVersion(probe);
        if (dataVersion != probeDataVersion || committedHere) {
            committedHere = false;
            probeDataVersion = dataVersion;
            try (Statement st = probe.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM store_meta WHERE key = 'change_seq'")) {
                probeChangeSeq = rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
            }
        }
        return probeChangeSeq;
    }

    /**
     * Fails with {@link StoreGoneException} once the store's file was deleted, moved or replaced. The first time,
     * says so at WARN and closes every connection: nothing more is read from the old file, nothing is written at
     * all, and (SQLite) the old store's journal is folded into the old file rather than left beside the new one.
     */
    private void ensureSameStore() {
        String reason = gone;
        if (reason == null) {
            reason = dialect.identityChange();
            if (reason == null) {
                return;
            }
            boolean first = false;
            synchronized (this) {
                if (gone == null) {
                    gone = reason;
                    first = true;
                }
            }
            if (first) {
                LOG.warn("{}", reason);
                closeConnections();
                dialect.abandoned();
            }
        }
        throw new StoreGoneException(reason);
    }

    /** Runs the engine's integrity check; "ok" when healthy. */
    public String integrityCheck() {
        return read(dialect::integrityCheck);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeConnections();
        dialect.close();
    }

    private void closeConnections() {
        synchronized (allConnections) {
            for (Connection connection : allConnections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing connection", e);
                }
            }
            allConnections.clear();
        }
    }

    private void recordChange(Tx tx) throws SQLException {
        Connection connection = tx.connection();
        long seq;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("UPDATE store_meta SET value = CAST(value AS BIGINT) + 1 "
                     + "WHERE key = 'change_seq' RETURNING value")) {
            seq = rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
        }
        dialect.announceChange(connection, seq);
        if (!tx.touchedRuns().isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE runs SET change_seq = ? WHERE seq = ?")) {
                for (long runSeq : tx.touchedRuns()) {
                    ps.setLong(1, seq);
                    ps.setLong(2, runSeq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Drops a reader whose connection broke; the next read opens a fresh one (the server may be back). */
    private void discardReader(Connection connection) {
        closeQuietly(connection);
        synchronized (this) {
            readerCount--;
        }
        // the idle readers most likely broke with it (server restart, network): open fresh ones on demand
        Connection idle;
        while ((idle = idleReaders.poll()) != null) {
            closeQuietly(idle);
            synchronized (this) {
                readerCount--;
            }
        }
    }

    private void discardWriter() {
        if (writer != null) {
            closeQuietly(writer);
            writer = null;
        }
    }

    private void closeQuietly(Connection connection) {
        dialect.connectionLost();
        synchronized (allConnections) {
            allConnections.remove(connection);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a broken connection", e);
        }
    }

    private Connection writer() throws SQLException {
        if (writer == null) {
            writer = open();
        }
        return writer;
    }

    private Connection borrowReader() {
        if (closed) {
            throw new StoreException("The store " + describe() + " is closed.");
        }
        Connection connection = idleReaders.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (this) {
            if (readerCount < MAX_READERS) {
                try {
                    Connection fresh = open();
                    readerCount++;
                    return fresh;
                } catch (SQLException e) {
                    throw translate(e, "open");
                }
            }
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a store connection.", e);
        }
    }

    private Connection open() throws SQLException {
        ensureSameStore();
        Connection connection = dialect.connect(mode, busyTimeoutMs);
        synchronized (allConnections) {
            allConnections.add(connection);
        }
        return connection;
    }

    private StoreException translate(SQLException e, String what) {
        if (dialect.isConnectionFailure(e)) {
            return new StoreUnavailableException("The store " + describe() + " cannot be reached: "
                    + firstLine(e.getMessage()), e);
        }
        if (dialect.isDiskFull(e)) {
            return new StoreFullException("The store " + describe() + " cannot be written: its disk is full. Nothing "
                    + "of this " + what + " was stored; free space and try again.", e);
        }
        if (dialect.isReadOnlyFailure(e)) {
            return new StoreReadOnlyException("The store " + describe() + " cannot be written (read-only file or folder).");
        }
        if (dialect.isBusy(e)) {
            return new StoreException("The store " + describe() + " stayed locked by another process for more than "
                    + (busyTimeoutMs / 1000) + " s; try again.", e);
        }
        return new StoreException("Store " + what + " failed on " + describe() + ": " + e.getMessage(), e);
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the store lock.", e);
        }
    }
}
