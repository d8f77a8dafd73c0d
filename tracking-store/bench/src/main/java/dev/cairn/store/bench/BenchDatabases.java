package dev.cairn.store.bench;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.StoreException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Where the benchmark's two stores live, side by side on the same engine: the Cairn store and the naive MLflow
 * layout. Either two files in a folder ({@link #sqlite}), or two fresh databases that {@link #postgres} creates on a
 * PostgreSQL server and {@link #close} drops again, also after a failure and (through a shutdown hook) on Ctrl-C.
 */
public final class BenchDatabases implements AutoCloseable {
    /** Marks the databases the benchmark creates: {@code <db>_cairn_bench_<nanos>} and {@code <db>_naive_bench_<nanos>}. */
    public static final String CAIRN_SUFFIX = "_cairn_bench_";
    /** See {@link #CAIRN_SUFFIX}. */
    public static final String NAIVE_SUFFIX = "_naive_bench_";
    private static final int MAX_IDENTIFIER = 63;

    private final Path dir;
    private final StoreLocation.Postgres server;
    private final String cairnDb;
    private final String naiveDb;
    private final Consumer<String> progress;
    private final List<String> created = new ArrayList<>();
    private Thread dropOnExit;

    private BenchDatabases(Path dir, StoreLocation.Postgres server, String cairnDb, String naiveDb,
                           Consumer<String> progress) {
        this.dir = dir;
        this.server = server;
        this.cairnDb = cairnDb;
        this.naiveDb = naiveDb;
        this.progress = progress;
    }

    /** {@code bench.db} (Cairn) and {@code naive.db} in {@code dir}, which the caller deletes. */
    public static BenchDatabases sqlite(Path dir) {
        return new BenchDatabases(Objects.requireNonNull(dir, "dir"), null, null, null, line -> { });
    }

    /**
     * Creates two empty databases on {@code server} (named after its database, with {@link #CAIRN_SUFFIX} and
     * {@link #NAIVE_SUFFIX} and a number) through a plain JDBC connection to the given database; the role needs
     * CREATEDB. A failure leaves nothing behind.
     */
    public static BenchDatabases postgres(StoreLocation.Postgres server, Consumer<String> progress) {
        Objects.requireNonNull(server, "server");
        String stem = server.database().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String nanos = Long.toString(System.nanoTime() & Long.MAX_VALUE);
        int room = MAX_IDENTIFIER - CAIRN_SUFFIX.length() - nanos.length();
        if (stem.length() > room) {
            stem = stem.substring(0, room);
        }
        BenchDatabases dbs = new BenchDatabases(null, server, stem + CAIRN_SUFFIX + nanos, stem + NAIVE_SUFFIX + nanos,
                progress);
        dbs.create();
        return dbs;
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String backend() {
        return server == null ? "sqlite" : "postgresql";
    }

    /** Where the stores are, for the report (never a password). */
    public String describe() {
        return server == null ? dir.toString()
                : "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/{" + cairnDb + ", "
                        + naiveDb + "}";
    }

    /** Opens (creating) the Cairn store. */
    public TrackingStore openCairn() {
        if (server == null) {
            return TrackingStore.open(dir.resolve("bench.db"));
        }
        return TrackingStore.open(new StoreLocation.Postgres(server.host(), server.port(), cairnDb, server.user(),
                server.password()), StoreOptions.local());
    }

    /** Opens (creating its tables) the naive MLflow layout. */
    NaiveMetricStore openNaive() throws SQLException {
        if (server == null) {
            return NaiveMetricStore.sqlite(dir.resolve("naive.db"));
        }
        Properties props = connectionProperties();
        // the driver settings the Cairn store's PostgreSQL dialect uses, so both sides get the same transport:
        // batches of inserts as multi-row INSERTs, results in binary from a statement's first execution
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("prepareThreshold", "-1");
        return NaiveMetricStore.postgres(jdbcUrl(naiveDb), props);
    }

    private void create() {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            for (String db : List.of(cairnDb, naiveDb)) {
                st.execute("CREATE DATABASE " + quote(db));
                created.add(db);
            }
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            dropCreated();
            throw new StoreException("Cannot create the benchmark's databases on " + server.describe() + " (the role "
                    + "needs CREATEDB): " + reason, e);
        }
        dropOnExit = new Thread(this::dropCreated, "cairn-bench-drop-databases");
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        progress.accept("PostgreSQL databases " + cairnDb + " (Cairn) and " + naiveDb + " (naive) on "
                + server.host() + ":" + server.port() + ", dropped at the end");
    }

    /** Drops the databases this object created (close the stores first); nothing for SQLite. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        if (dropOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(dropOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to
            }
            dropOnExit = null;
        }
        dropCreated();
    }

    private synchronized void dropCreated() {
        if (created.isEmpty()) {
            return;
        }
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            // WITH (FORCE) (PostgreSQL 13+) ends sessions still connected, e.g. a pool that a failure left open
            String force = admin.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
            for (String db : List.copyOf(created)) {
                st.execute("DROP DATABASE IF EXISTS " + quote(db) + force);
                created.remove(db);
            }
        } catch (SQLException e) {
            progress.accept("could not drop " + created + " on " + server.describe() + ": " + e.getMessage()
                    + " (drop them by hand)");
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(server.database()), connectionProperties());
    }

    private Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        String password = server.password() != null ? server.password() : System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "cairn bench");
        p.setProperty("connectTimeout", "5");
        return p;
    }

    private String jdbcUrl(String database) {
        String host = server.host().contains(":") && !server.host().startsWith("[") ? "[" + server.host() + "]"
                : server.host();
        return "jdbc:postgresql://" + host + ":" + server.port() + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
