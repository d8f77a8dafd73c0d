package dev.cairn.store.internal.sql;

import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Throwaway databases on the PostgreSQL server named by {@code CAIRN_TEST_PG}
 * ({@code postgresql://user:password@host:port/db}, a role that may create databases; {@code .ci/postgres.sh start}
 * makes one). Without it, PostgreSQL tests are skipped, except under {@code CI=true}, where they fail.
 */
public final class PostgresTestDatabases {
    /** The environment variable naming the test server. */
    public static final String ENV = "CAIRN_TEST_PG";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private PostgresTestDatabases() {
    }

    /** A parsed {@code postgresql://} URI. */
    public record Location(String host, int port, String database, String user, String password) {
        public static Location parse(String uri) {
            URI u;
            try {
                u = new URI(uri.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(ENV + " is not a postgresql:// URI: " + e.getReason());
            }
            String scheme = String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("postgresql") && !scheme.equals("postgres") || u.getHost() == null) {
                throw new IllegalArgumentException(ENV + " must look like postgresql://user:password@host:port/db");
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            String database = path.startsWith("/") ? path.substring(1) : path;
            String user = null;
            String password = null;
            if (u.getRawUserInfo() != null) {
                String info = u.getRawUserInfo();
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? null : decode(info.substring(colon + 1));
            }
            return new Location(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(),
                    database.isEmpty() ? "postgres" : decode(database), user, password);
        }

        public Location withDatabase(String name) {
            return new Location(host, port, name, user, password);
        }

        public String uri() {
            String info = user == null ? "" : encode(user) + (password == null ? "" : ":" + encode(password)) + "@";
            return "postgresql://" + info + host + ":" + port + "/" + encode(database);
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database);
        }

        /** A plain JDBC connection (no pool, no dialect settings). */
        public Connection open() throws SQLException {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            p.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(jdbcUrl(), p);
        }

        /** The dialect for this database. */
        public PostgresDialect dialect(long busyTimeoutMs) {
            return new PostgresDialect(host, port, database, user, password, busyTimeoutMs);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** True when {@code CAIRN_TEST_PG} names a server. */
    public static boolean configured() {
        String uri = System.getenv(ENV);
        return uri != null && !uri.isBlank();
    }

    /**
     * The test server's location; skips the calling test (fails it under CI=true) when none is configured. Call it
     * from a test or {@code @BeforeEach}: surefire counts a class skipped in {@code @BeforeAll} as zero tests.
     */
    public static Location server() {
        if (!configured()) {
            String message = ENV + " is not set, so the PostgreSQL tests cannot run. For a throwaway server: "
                    + ". \"$(.ci/postgres.sh start)\"; or set " + ENV
                    + "=postgresql://user:password@host:port/db (a role that may create databases).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but " + message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return Location.parse(System.getenv(ENV));
    }

    /** Creates a uniquely named empty database and returns its {@code postgresql://} URI. */
    public static String create() {
        Location server = server();
        String name = "cairn_test_" + Long.toString(System.currentTimeMillis(), 36) + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = server.open(); Statement st = c.createStatement()) {
            // template0 + UTF8: independent of what was added to template1 and of the server's default encoding
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.host() + ":" + server.port()
                    + ": " + e.getMessage(), e);
        }
        return server.withDatabase(name).uri();
    }

    /** The database name in a URI made by {@link #create()}. */
    public static String databaseName(String uri) {
        return Location.parse(uri).database();
    }

    /** Drops a database made by {@link #create()}, disconnecting whoever is still connected to it. */
    public static void drop(String name) {
        if (!SAFE_NAME.matcher(name).matches() || !name.startsWith("cairn_test_")) {
            throw new IllegalArgumentException("not a test database: " + name);
        }
        try (Connection c = server().open(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Migrated, emptied databases kept for the next test in this JVM (creating one costs far more than emptying). */
    private static final java.util.Deque<String> POOL = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final java.util.Set<String> POOLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String uri : POOLED) {
                try {
                    drop(databaseName(uri));
                } catch (RuntimeException e) {
                    // the throwaway cluster goes with its data directory anyway
                }
            }
        }, "drop pooled test databases"));
    }

    /**
     * A database holding an empty Cairn store at the current schema version: from the pool when one is free, else
     * created and migrated. Give it back with {@link #release(String)}.
     */
    public static String borrowStore() {
        server();
        String pooled = POOL.poll();
        if (pooled != null) {
            return pooled;
        }
        String uri = create();
        Location location = Location.parse(uri);
        PostgresDialect dialect = location.dialect(30_000);
        try (Connection c = dialect.connect(dev.cairn.store.StoreMode.LOCAL, 30_000)) {
            new SchemaMigrator(dialect).migrate(c, dev.cairn.store.StoreMode.LOCAL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate test database " + location.database() + ": " + e.getMessage(), e);
        } finally {
            dialect.close();
        }
        POOLED.add(uri);
        return uri;
    }

    /**
     * Empties a database from {@link #borrowStore()} (every table, identities restarted, the change counter at 0) and
     * pools it again; one that cannot be emptied (a test changed its schema or version) is dropped instead.
     */
    public static void release(String uri) {
        Location location = Location.parse(uri);
        try (Connection c = location.open(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // as a replica session no trigger fires: neither the append-only history nor foreign keys
            st.execute("SET LOCAL session_replication_role = replica");
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = "
                    + "current_schema() AND tablename <> 'store_meta'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // DELETE, not TRUNCATE: a few rows each, and no new relation files per table
            for (String table : tables) {
                st.execute("DELETE FROM " + table);
            }
            java.util.List<String> restarts = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE is_identity = 'YES' AND table_schema = current_schema()")) {
                while (rs.next()) {
                    restarts.add("ALTER TABLE " + rs.getString(1) + " ALTER COLUMN " + rs.getString(2) + " RESTART");
                }
            }
            for (String restart : restarts) {
                st.execute(restart);
            }
            st.execute("UPDATE store_meta SET value = '0' WHERE key = 'change_seq'");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT value FROM store_meta WHERE key = 'schema_version'")) {
                if (!rs.next() || Integer.parseInt(rs.getString(1)) != SchemaMigrator.CURRENT_VERSION) {
                    c.rollback();
                    POOLED.remove(uri);
                    drop(location.database());
                    return;
                }
            }
            c.commit();
            POOL.push(uri);
        } catch (SQLException | RuntimeException e) {
            POOLED.remove(uri);
            drop(location.database());
        }
    }
}
