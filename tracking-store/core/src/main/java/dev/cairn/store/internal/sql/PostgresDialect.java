package dev.cairn.store.internal.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.store.StoreMode;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PostgreSQL dialect (pgjdbc + HikariCP) for team stores: one database (its current schema) is one store.
 *
 * <ul>
 *   <li>Identity and version live in {@code store_meta} rows {@code application_id = 'cairn'} and
 *   {@code schema_version} (SQLite keeps them in PRAGMA application_id / user_version).</li>
 *   <li>Writers are serialised across processes like SQLite's {@code BEGIN IMMEDIATE}: {@link #beginWrite} takes a
 *   transaction-scoped advisory lock; waiting for it longer than the busy timeout fails with 55P03, which
 *   {@link #isBusy} reports as retryable.</li>
 *   <li>The change probe LISTENs on {@value #CHANNEL}; writers {@link #announceChange announce} each commit's change
 *   sequence there, and {@link #dataVersion} counts the notifications that arrived (no query, no round trip; at
 *   most one socket check per 100 ms).</li>
 * </ul>
 *
 * Connection properties: {@code stringtype=unspecified} (a string bound to a numeric or other typed parameter is
 * typed by the server, as SQLite would compare it), {@code reWriteBatchedInserts=true} (a JDBC batch of inserts
 * becomes multi-row INSERTs), {@code prepareThreshold=-1} (results in binary from a statement's first execution:
 * bytea arrives as raw bytes, not hex text; a 1M-point series read measured 20–50 ms binary vs 90–260 ms as
 * text) and a 5 s connect timeout. The first connect opens one plain connection before making the pool, so a server
 * that is down fails at once (not after HikariCP's retry pause) with a one-line message.
 */
public final class PostgresDialect implements SqlDialect {
    /** The NOTIFY channel that carries change sequences. */
    public static final String CHANNEL = "cairn_changes";
    /** The value of the {@code application_id} row in {@code store_meta}. */
    public static final String APPLICATION_ID = "cairn";
    /** 'CARN', as SQLite's application_id: the advisory lock key held by the store's one writer transaction. */
    static final long WRITE_LOCK_KEY = 0x4341524EL;

    /** At most one look at a probe's socket per this many milliseconds (see {@link #dataVersion}). */
    static final long NOTIFICATION_CHECK_MS = 100;
    private static final long NOTIFICATION_CHECK_NS = NOTIFICATION_CHECK_MS * 1_000_000L;
    /** TCP connect timeout (a refused port fails at once; this bounds unreachable hosts). */
    private static final int CONNECT_TIMEOUT_S = 10;
    /** Whole login (TCP + TLS + SCRAM), generous: a loaded 2-core machine starting many JVMs took over 10 s. */
    private static final int LOGIN_TIMEOUT_S = 30;
    private static final int MAX_POOL_SIZE = 10;
    /** The first, short wait for a pooled connection (see {@link #connect}). */
    static final long QUICK_BORROW_MS = 500;
    private static final Set<String> BUSY_STATES = Set.of("40001", "40P01", "55P03");
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Set<String> READ_ONLY_STATES = Set.of("25006", "42501");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final long busyTimeoutMs;
    private final Map<Boolean, HikariDataSource> pools = new java.util.HashMap<>();
    /** Probe connections that LISTEN, with the time of their next socket check; weakly held. */
    private final Map<PGConnection, long[]> listening = Collections.synchronizedMap(new WeakHashMap<>());
    /** Grows by the notifications received, and by one per new listener (a reconnected probe must re-read). */
    private final AtomicLong changesSeen = new AtomicLong();
    private boolean closed;
    /** Set when a connect failed for want of the server, cleared by the next connect that reaches it. */
    private volatile boolean unreachable;

    /**
     * A dialect for the database {@code database} on {@code host:port} as {@code user}. The password, when null,
     * comes from {@code PGPASSWORD}, else pgjdbc reads {@code PGPASSFILE} or {@code ~/.pgpass} itself.
     */
    public PostgresDialect(String host, int port, String database, String user, String password, long busyTimeoutMs) {
        this(host, port, database, user, password, busyTimeoutMs, System.getenv());
    }

    PostgresDialect(String host, int port, String database, String user, String password, long busyTimeoutMs,
                    Map<String, String> env) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = user == null || user.isBlank() ? System.getProperty("user.name") : user;
        String fromEnv = env.get("PGPASSWORD");
        this.password = password != null ? password : fromEnv != null && !fromEnv.isEmpty() ? fromEnv : null;
        this.busyTimeoutMs = Math.max(1, busyTimeoutMs);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String describe() {
        return database + "@" + host;
    }

    /** {@code host:port/database} for messages (no user, no password). */
    private String address() {
        return host + ":" + port + "/" + database;
    }

    // ---------------------------------------------------------------- connections

    /**
     * A pooled connection. HikariCP waits its whole connection timeout (10 s) for a server that is down, so each
     * request of a tracking server whose PostgreSQL was stopped took 10-20 s to fail instead of failing at once for
     * its client to retry (MLflow's client backs off between retries itself). So: once a connection was lost or a
     * connect failed because the server cannot be reached, each later connect first opens one plain connection
     * (refused at once while the server is down or restarting) and asks the pool only once that succeeded; and the
     * pool is first asked with a wait of {@value #QUICK_BORROW_MS} ms, after which a pool whose last new connection
     * was refused fails at once (its idle connections, checked on borrow, had died with the server), while a slow
     * login gets the full wait.
     */
    @Override
    public Connection connect(StoreMode mode, long ignoredBusyTimeoutMs) throws SQLException {
        HikariDataSource pool = pool(mode == StoreMode.READ_ONLY);
        if (unreachable) {
            HikariConfig config = config(mode == StoreMode.READ_ONLY);
            try (Connection c = plainConnection(config)) {
                c.isValid(1);
            } catch (SQLException e) {
                throw connectFailure(e);
            }
            unreachable = false;
        }
        try {
            if (pool.getHikariPoolMXBean() instanceof HikariPool hikari) {
                try {
                    return hikari.getConnection(QUICK_BORROW_MS);
                } catch (SQLException slow) {
                    // no connection within the quick wait: a server that refused the pool's new connection (its
                    // last failure is the cause) is down now; one that is only slow to log in gets the full wait
                    if (isConnectionFailure(slow)) {
                        throw slow;
                    }
                }
            }
            return pool.getConnection();
        } catch (SQLException e) {
            SQLException failure = connectFailure(e);
            if (isConnectionFailure(failure)) {
                unreachable = true;
            }
            throw failure;
        }
    }

    /** One connection outside the pool, with the pool's settings. */
    private Connection plainConnection(HikariConfig config) throws SQLException {
        Properties props = new Properties();
        props.putAll(config.getDataSourceProperties());
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(config.getJdbcUrl(), props);
    }

    private synchronized HikariDataSource pool(boolean readOnly) throws SQLException {
        if (closed) {
            throw new SQLException("The PostgreSQL store " + describe() + " is closed.", "08003");
        }
        HikariDataSource pool = pools.get(readOnly);
        if (pool != null) {
            return pool;
        }
        HikariConfig config = config(readOnly);
        // one plain connection first: HikariCP would sleep a second before reporting that the server is down
        try (Connection c = plainConnection(config)) {
            c.isValid(1);
        } catch (SQLException e) {
            throw connectFailure(e);
        }
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // not cached: the next connect tries again
            throw connectFailure(e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e));
        }
        pools.put(readOnly, pool);
        return pool;
    }

    private HikariConfig config(boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cairn " + (readOnly ? "read-only " : "") + describe());
        config.setJdbcUrl("jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8));
        config.setUsername(user);
        if (password != null) {
            config.setPassword(password);
        }
        config.addDataSourceProperty("ApplicationName", "Cairn");
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("prepareThreshold", "-1");
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
        config.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_S));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // lock waits (the writer's advisory lock first of all) end with 55P03 after the busy timeout
        // small page-sized queries: a parallel plan only adds worker start-up (438 ms vs 76 ms under load, measured)
        String options = "-c lock_timeout=" + busyTimeoutMs + " -c max_parallel_workers_per_gather=0";
        if (readOnly) {
            options += " -c default_transaction_read_only=on";
        }
        config.addDataSourceProperty("options", options);
        config.setAutoCommit(true);
        // Database holds a writer, up to 4 readers and a probe for as long as the store is open
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_S * 1000L);
        config.setValidationTimeout(2000);
        // try once when the pool is made: a server that is down fails now, not after the connection timeout
        config.setInitializationFailTimeout(1);
        return config;
    }

    /** A one-line SQLException naming the server and the root cause, keeping the root cause's SQLState. */
    private SQLException connectFailure(SQLException e) {
        Throwable root = e;
        String state = e.getSQLState();
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (state == null && isNetworkFailure(e)) {
            state = "08001";
        }
        String reason = root.getMessage() == null || root.getMessage().isBlank()
                ? (root instanceof EOFException ? "the server closed the connection"
                : root.getClass().getSimpleName()) : root.getMessage().strip();
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline).strip();
        }
        return new SQLException("Cannot connect to the PostgreSQL store " + address() + " as " + user + ": " + reason,
                state, e);
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (HikariDataSource pool : pools.values()) {
            pool.close();
        }
        pools.clear();
        listening.clear();
    }

    // ---------------------------------------------------------------- identity and version

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        if (!hasStoreMeta(c)) {
            return 0;
        }
        String value = meta(c, "schema_version");
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new SQLException("store_meta.schema_version is not a number: '" + value + "'", "XX000", e);
        }
    }

    @Override
    public void setSchemaVersion(Connection c, int version) throws SQLException {
        putMeta(c, "schema_version", Integer.toString(version));
    }

    @Override
    public boolean isForeignDatabase(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_class k JOIN pg_catalog.pg_namespace n "
                     + "ON n.oid = k.relnamespace WHERE n.nspname = current_schema() "
                     + "AND k.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return false;
            }
        }
        return !hasStoreMeta(c) || !APPLICATION_ID.equals(meta(c, "application_id"));
    }

    @Override
    public void markAsCairnStore(Connection c) throws SQLException {
        // V1 creates store_meta too (IF NOT EXISTS, same definition); the stamp comes first in a migration
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS store_meta (key text COLLATE \"C\" PRIMARY KEY, "
                    + "value text COLLATE \"C\" NOT NULL)");
        }
        putMeta(c, "application_id", APPLICATION_ID);
    }

    private static boolean hasStoreMeta(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('store_meta') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_meta(key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- transactions and errors

    @Override
    public void beginWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
        }
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
        } catch (SQLException e) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    @Override
    public boolean isBusy(SQLException e) {
        return anyState(e, BUSY_STATES::contains);
    }

    @Override
    public Object transactionId(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT txid_current()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** From {@code txid_status}: committed, aborted, or (still in progress, too old to tell) null. */
    @Override
    public Boolean committed(Connection connection, Object txid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT txid_status(?)")) {
            ps.setLong(1, (Long) txid);
            try (ResultSet rs = ps.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : null;
                return "committed".equals(status) ? Boolean.TRUE : "aborted".equals(status) ? Boolean.FALSE : null;
            }
        }
    }

    @Override
    public boolean isDiskFull(SQLException e) {
        return anyState(e, "53100"::equals); // disk_full
    }

    @Override
    public boolean isReadOnlyFailure(SQLException e) {
        return anyState(e, READ_ONLY_STATES::contains);
    }

    /**
     * pgjdbc's cancel request: a new connection to the server asks it to stop whatever this connection's backend
     * runs (a backend that is idle ignores it). Blocks until the server took the request.
     */
    @Override
    public Runnable cancellable(Connection connection, dev.cairn.store.ReadCancellation cancel) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return () -> {
            try {
                pg.cancelQuery();
            } catch (SQLException e) {
                LOG.debug("cancel request to {} failed: {}", describe(), e.getMessage());
            }
        };
    }

    /** 57014: "canceling statement due to user request". */
    @Override
    public boolean isCancelled(SQLException e) {
        return anyState(e, "57014"::equals);
    }

    /**
     * Server down, unreachable or gone (class 08, shutdown, too many connections), not a refused login: 28xxx and
     * 08004, which pgjdbc raises when the server wants a password and none was given, are configuration problems.
     */
    @Override
    public boolean isConnectionFailure(SQLException e) {
        if (anyState(e, s -> s.startsWith("28") || s.equals("08004"))) {
            return false;
        }
        return anyState(e, s -> s.startsWith("08") || CONNECTION_STATES.contains(s)) || isNetworkFailure(e);
    }

    private static boolean anyState(SQLException e, java.util.function.Predicate<String> test) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s && s.getSQLState() != null && test.test(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNetworkFailure(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof EOFException || t instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The causes and the SQLException next-chain, without loops. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty() && out.size() < 32) {
            Throwable t = todo.remove(0);
            if (t == null || out.stream().anyMatch(x -> x == t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof SQLException s) {
                todo.add(s.getNextException());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- change detection

    /**
     * The number of change notifications seen so far (plus one per newly listening probe). Checking the socket costs
     * pgjdbc a 1 ms socket wait each time when nothing arrived (PGStream.hasMessagePending does not apply its own
     * once-a-second limit after a timed-out peek), so the socket is looked at once per {@link #NOTIFICATION_CHECK_MS}
     * per probe; calls in between return the last value at no cost.
     */
    @Override
    public long dataVersion(Connection probe) throws SQLException {
        PGConnection pg = probe.unwrap(PGConnection.class);
        long now = System.nanoTime();
        long[] nextCheck = listening.get(pg);
        if (nextCheck == null) {
            try (Statement st = probe.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
            listening.put(pg, new long[] {now + NOTIFICATION_CHECK_NS});
            // changes before the LISTEN were not announced to this connection: make the caller re-read once
            return changesSeen.incrementAndGet();
        }
        if (now - nextCheck[0] < 0) {
            return changesSeen.get();
        }
        nextCheck[0] = now + NOTIFICATION_CHECK_NS;
        // what has arrived on the socket, without a round trip (empty while the probe is in a transaction)
        PGNotification[] notifications = pg.getNotifications();
        if (notifications != null && notifications.length > 0) {
            return changesSeen.addAndGet(notifications.length);
        }
        return changesSeen.get();
    }

    @Override
    public void announceChange(Connection c, long changeSeq) throws SQLException {
        // delivered when the transaction commits, not at all when it rolls back
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            ps.setString(1, Long.toString(changeSeq));
            ps.execute();
        }
    }

    // ---------------------------------------------------------------- maintenance

    @Override
    public void backupBeforeMigration(Connection c, int fromVersion) {
        // nothing to do: the migration runs in one transaction and DDL is transactional, so it commits whole or
        // not at all; backups of a team database are the server's business (pg_dump, base backups)
    }

    /**
     * "ok", or the problems found: the store's stamps in store_meta, and (when the amcheck extension is installed)
     * a structural check of every B-tree index of the store's schema.
     */
    @Override
    public String integrityCheck(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (!hasStoreMeta(c)) {
            problems.add("store_meta is missing");
        } else {
            if (!APPLICATION_ID.equals(meta(c, "application_id"))) {
                problems.add("store_meta has no application_id 'cairn'");
            }
            if (meta(c, "schema_version") == null) {
                problems.add("store_meta has no schema_version");
            }
        }
        boolean amcheck;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'")) {
            rs.next();
            amcheck = rs.getLong(1) > 0;
        }
        if (amcheck) {
            List<String> indexes = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass::text FROM pg_index i "
                         + "JOIN pg_class k ON k.oid = i.indexrelid JOIN pg_am a ON a.oid = k.relam "
                         + "JOIN pg_namespace n ON n.oid = k.relnamespace "
                         + "WHERE a.amname = 'btree' AND n.nspname = current_schema() ORDER BY 1")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            for (String index : indexes) {
                try (PreparedStatement ps = c.prepareStatement("SELECT bt_index_check(?::regclass, true)")) {
                    ps.setString(1, index);
                    ps.execute();
                } catch (SQLException e) {
                    problems.add(index + ": " + e.getMessage());
                }
            }
        }
        return problems.isEmpty() ? "ok" : String.join("\n", problems);
    }

    @Override
    public long sizeBytes(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- SQL text

    @Override
    public String positionOf(String needleSql, String haystackSql) {
        return "strpos(" + haystackSql + ", " + needleSql + ")";
    }

    @Override
    public String caseSensitiveLike(String column) {
        return column + " LIKE ? ESCAPE '\\'";
    }

    @Override
    public String caseInsensitiveLike(String column) {
        return column + " ILIKE ? ESCAPE '\\'";
    }

    @Override
    public String likePattern(String mlflowPattern, boolean caseSensitive) {
        // a backslash in an MLflow pattern is an ordinary character, as in SQLite
        return mlflowPattern.replace("\\", "\\\\");
    }

    @Override
    public long seriesSizeBytes(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT pg_total_relation_size('metric_chunks') + pg_total_relation_size('metric_summaries')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void continueIdentity(Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), "
                    + "coalesce((SELECT max(" + column + ") FROM " + table + "), 0) + 1, false)");
        }
    }

    @Override
    public String orderNoCase(String column) {
        return "lower(" + column + ")";
    }

    @Override
    public void optimize(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    @Override
    public synchronized void connectionLost() {
        unreachable = true; // the next connect checks the server with a plain connection first (see connect)
        for (HikariDataSource pool : pools.values()) {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresDialect[" + user + "@" + address() + "]";
    }
}
