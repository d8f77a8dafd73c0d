package dev.cairn.store.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The naive design the benchmark compares against: MLflow's SQL layout, in plain JDBC on purpose — one row per metric
 * point in {@code metrics(key, value, timestamp, run_uuid, step, is_nan)} with MLflow's primary key
 * {@code (key, timestamp, step, run_uuid, value, is_nan)} and an index on run_uuid, string keys everywhere, a
 * {@code latest_metrics} table, and {@code runs} and {@code params} for the query figure. On SQLite or PostgreSQL,
 * with the column types MLflow's schema has on each; on PostgreSQL also MLflow's foreign keys to {@code runs} (SQLite
 * does not enforce them unless asked, and MLflow does not ask). SQLite pragmas and checkpoints stay on SQLite.
 */
final class NaiveMetricStore implements AutoCloseable {
    /** The database engine under the layout. */
    enum Engine { SQLITE, POSTGRESQL }

    private static final String INSERT_METRIC = "INSERT INTO metrics(key, value, timestamp, run_uuid, step, is_nan) "
            + "VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING";

    private final Connection c;
    private final Engine engine;

    private NaiveMetricStore(Connection c, Engine engine) throws SQLException {
        this.c = c;
        this.engine = engine;
        try {
            createTables();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The layout in a SQLite file (WAL, as MLflow's users would set it up for speed). */
    static NaiveMetricStore sqlite(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -32768");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new NaiveMetricStore(c, Engine.SQLITE);
    }

    /** The layout in an (empty) PostgreSQL database. */
    static NaiveMetricStore postgres(String jdbcUrl, Properties properties) throws SQLException {
        return new NaiveMetricStore(DriverManager.getConnection(jdbcUrl, properties), Engine.POSTGRESQL);
    }

    Engine engine() {
        return engine;
    }

    Connection connection() {
        return c;
    }

    private void createTables() throws SQLException {
        boolean pg = engine == Engine.POSTGRESQL;
        String text250 = pg ? "varchar(250)" : "TEXT";
        String uuid = pg ? "varchar(32)" : "TEXT";
        String bigint = pg ? "bigint" : "INTEGER";
        String dbl = pg ? "double precision" : "REAL";
        String bool = pg ? "boolean" : "INTEGER";
        String runRef = pg ? " REFERENCES runs(run_uuid)" : "";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS runs (run_uuid " + uuid + " PRIMARY KEY, name " + text250
                    + ", status " + (pg ? "varchar(9)" : "TEXT") + ", start_time " + bigint + ", lifecycle_stage "
                    + (pg ? "varchar(20)" : "TEXT") + ")");
            st.execute("CREATE TABLE IF NOT EXISTS metrics (key " + text250 + " NOT NULL, value " + dbl + " NOT NULL, "
                    + "timestamp " + bigint + " NOT NULL, run_uuid " + uuid + " NOT NULL" + runRef + ", step " + bigint
                    + " NOT NULL DEFAULT 0, is_nan " + bool + " NOT NULL DEFAULT " + (pg ? "false" : "0") + ", "
                    + "PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan))");
            st.execute("CREATE INDEX IF NOT EXISTS index_metrics_run_uuid ON metrics (run_uuid)");
            st.execute("CREATE TABLE IF NOT EXISTS latest_metrics (key " + text250 + " NOT NULL, value " + dbl
                    + " NOT NULL, timestamp " + bigint + ", step " + bigint + " NOT NULL, is_nan " + bool
                    + " NOT NULL, run_uuid " + uuid + " NOT NULL" + runRef + ", PRIMARY KEY (key, run_uuid))");
            st.execute("CREATE INDEX IF NOT EXISTS index_latest_metrics_run_uuid ON latest_metrics (run_uuid)");
            st.execute("CREATE TABLE IF NOT EXISTS params (key " + text250 + " NOT NULL, value "
                    + (pg ? "varchar(8000)" : "TEXT") + " NOT NULL, run_uuid " + uuid + " NOT NULL" + runRef
                    + ", PRIMARY KEY (key, run_uuid))");
            st.execute("CREATE INDEX IF NOT EXISTS index_params_run_uuid ON params (run_uuid)");
        }
    }

    /** A run row, which metric rows of that run refer to. */
    void createRun(String runUuid, String name, long startMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(run_uuid, name, status, start_time, "
                + "lifecycle_stage) VALUES (?,?,'RUNNING',?,'active')")) {
            ps.setString(1, runUuid);
            ps.setString(2, name);
            ps.setLong(3, startMs);
            ps.executeUpdate();
        }
    }

    /** Batch insert of points, one transaction. */
    void insert(String run, String key, long[] steps, long[] ts, double[] values, int off, int len) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT_METRIC)) {
            for (int i = off; i < off + len; i++) {
                bind(ps, run, key, steps[i], ts[i], values[i]);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One point per call, committed at once, as an unbuffered client does. */
    void insertOne(String run, String key, long step, long ts, double value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_METRIC)) {
            bind(ps, run, key, step, ts, value);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, String run, String key, long step, long ts, double v)
            throws SQLException {
        boolean nan = Double.isNaN(v);
        ps.setString(1, key);
        ps.setDouble(2, nan ? 0 : v);
        ps.setLong(3, ts);
        ps.setString(4, run);
        ps.setLong(5, step);
        ps.setBoolean(6, nan);
    }

    /** Reads a whole series ordered by step. */
    int read(String run, String key, long[] steps, long[] ts, double[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT step, timestamp, value, is_nan FROM metrics "
                + "WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp")) {
            ps.setString(1, run);
            ps.setString(2, key);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps[n] = rs.getLong(1);
                    ts[n] = rs.getLong(2);
                    values[n] = rs.getBoolean(4) ? Double.NaN : rs.getDouble(3);
                    n++;
                }
            }
            return n;
        }
    }

    /** Fills runs, params and latest metrics for the query benchmark, mirroring the Cairn store's content. */
    /** Refreshes planner statistics, as the store's optimize does and a server's autovacuum would. */
    void analyze() throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    void insertRunRows(List<Object[]> runs, List<Object[]> params, List<Object[]> latest) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(run_uuid, name, status, start_time, "
                    + "lifecycle_stage) VALUES (?,?,?,?,'active')")) {
                for (Object[] r : runs) {
                    ps.setString(1, (String) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setString(3, "FINISHED");
                    ps.setLong(4, (Long) r[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO params(key, value, run_uuid) VALUES (?,?,?)")) {
                for (Object[] p : params) {
                    ps.setString(1, (String) p[1]);
                    ps.setString(2, (String) p[2]);
                    ps.setString(3, (String) p[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO latest_metrics(key, value, timestamp, step, "
                    + "is_nan, run_uuid) VALUES (?,?,0,0,?,?)")) {
                for (Object[] m : latest) {
                    ps.setString(1, (String) m[1]);
                    ps.setDouble(2, (Double) m[2]);
                    ps.setBoolean(3, false);
                    ps.setString(4, (String) m[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** MLflow-style search: metric and param predicates as sub-selects, ordered by a latest metric. */
    List<String> query(double accAbove, String optimizer, int limit) throws SQLException {
        String sql = "SELECT r.run_uuid FROM runs r "
                + "WHERE r.lifecycle_stage = 'active' "
                + "AND r.run_uuid IN (SELECT run_uuid FROM latest_metrics WHERE key = 'acc' AND value > ?) "
                + "AND r.run_uuid IN (SELECT run_uuid FROM params WHERE key = 'optimizer' AND value = ?) "
                + "ORDER BY (SELECT value FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = 'loss') "
                + "ASC, r.start_time DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, accAbove);
            ps.setString(2, optimizer);
            ps.setInt(3, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Bytes the metric tables take with their indexes ({@code metrics} and {@code latest_metrics}): SQLite's dbstat
     * after a checkpoint (which also moves the rows out of the WAL before the read figures), PostgreSQL's
     * {@code pg_total_relation_size} (heap, TOAST, free-space map and indexes).
     */
    long metricBytes() throws SQLException {
        String sql;
        if (engine == Engine.SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            sql = "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                    + "(SELECT name FROM sqlite_schema WHERE tbl_name IN ('metrics', 'latest_metrics'))";
        } else {
            sql = "SELECT pg_total_relation_size('metrics') + pg_total_relation_size('latest_metrics')";
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
