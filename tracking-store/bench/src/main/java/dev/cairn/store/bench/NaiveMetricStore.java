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

/**
 * The naive design the benchmark compares against: MLflow's SQL layout — one row per metric point in a plain
 * table keyed by (key, timestamp, step, run_uuid, value, is_nan) with an index on run_uuid, string keys
 * everywhere, a latest-metrics table and a params table keyed by strings.
 */
final class NaiveMetricStore implements AutoCloseable {
    private final Connection c;

    NaiveMetricStore(Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -32768");
            st.execute("CREATE TABLE IF NOT EXISTS runs (run_uuid TEXT PRIMARY KEY, name TEXT, status TEXT, "
                    + "start_time INTEGER, lifecycle_stage TEXT)");
            st.execute("CREATE TABLE IF NOT EXISTS metrics (key TEXT NOT NULL, value REAL NOT NULL, "
                    + "timestamp INTEGER NOT NULL, run_uuid TEXT NOT NULL, step INTEGER NOT NULL DEFAULT 0, "
                    + "is_nan INTEGER NOT NULL DEFAULT 0, "
                    + "PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan))");
            st.execute("CREATE INDEX IF NOT EXISTS index_metrics_run_uuid ON metrics (run_uuid)");
            st.execute("CREATE TABLE IF NOT EXISTS latest_metrics (key TEXT NOT NULL, value REAL NOT NULL, "
                    + "timestamp INTEGER, step INTEGER NOT NULL, is_nan INTEGER NOT NULL, run_uuid TEXT NOT NULL, "
                    + "PRIMARY KEY (key, run_uuid))");
            st.execute("CREATE INDEX IF NOT EXISTS index_latest_metrics_run_uuid ON latest_metrics (run_uuid)");
            st.execute("CREATE TABLE IF NOT EXISTS params (key TEXT NOT NULL, value TEXT NOT NULL, "
                    + "run_uuid TEXT NOT NULL, PRIMARY KEY (key, run_uuid))");
            st.execute("CREATE INDEX IF NOT EXISTS index_params_run_uuid ON params (run_uuid)");
        }
    }

    Connection connection() {
        return c;
    }

    /** Batch insert of points, one transaction. */
    void insert(String run, String key, long[] steps, long[] ts, double[] values, int off, int len) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO metrics VALUES (?,?,?,?,?,?)")) {
            for (int i = off; i < off + len; i++) {
                bind(ps, run, key, steps[i], ts[i], values[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** One point per call, committed at once, as an unbuffered client does. */
    void insertOne(String run, String key, long step, long ts, double value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO metrics VALUES (?,?,?,?,?,?)")) {
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
        ps.setInt(6, nan ? 1 : 0);
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
                    values[n] = rs.getInt(4) == 1 ? Double.NaN : rs.getDouble(3);
                    n++;
                }
            }
            return n;
        }
    }

    /** Fills runs, params and latest metrics for the query benchmark, mirroring the Cairn store's content. */
    void insertRunRows(List<Object[]> runs, List<Object[]> params, List<Object[]> latest) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs VALUES (?,?,?,?,'active')")) {
            for (Object[] r : runs) {
                ps.setString(1, (String) r[0]);
                ps.setString(2, (String) r[1]);
                ps.setString(3, "FINISHED");
                ps.setLong(4, (Long) r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO params VALUES (?,?,?)")) {
            for (Object[] p : params) {
                ps.setString(1, (String) p[1]);
                ps.setString(2, (String) p[2]);
                ps.setString(3, (String) p[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO latest_metrics VALUES (?,?,0,0,0,?)")) {
            for (Object[] m : latest) {
                ps.setString(1, (String) m[1]);
                ps.setDouble(2, (Double) m[2]);
                ps.setString(3, (String) m[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
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

    void checkpoint() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
