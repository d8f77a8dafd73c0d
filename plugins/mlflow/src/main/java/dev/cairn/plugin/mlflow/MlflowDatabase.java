package dev.cairn.plugin.mlflow;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An MLflow SQLite database opened read-only, with the tables and columns it has (schemas differ from MLflow 1.x
 * to 3.x; unknown extra tables and columns are ignored, missing optional ones are tolerated).
 */
final class MlflowDatabase implements AutoCloseable {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Connection connection;
    private final Map<String, Set<String>> columns = new HashMap<>();

    private MlflowDatabase(Connection connection) throws SQLException {
        this.connection = connection;
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                columns.put(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new HashSet<>());
            }
        }
        for (Map.Entry<String, Set<String>> e : columns.entrySet()) {
            try (PreparedStatement ps = connection.prepareStatement("PRAGMA table_info(\"" + e.getKey() + "\")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    e.getValue().add(rs.getString("name").toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** True when the file starts with the SQLite header. */
    static boolean isSqliteFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Opens read-only; falls back to an immutable open for a WAL database in a read-only folder. */
    static MlflowDatabase open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String path = file.toAbsolutePath().toString();
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + path);
            try {
                MlflowDatabase db = new MlflowDatabase(c);
                db.version();
                return db;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            Connection c = config.createConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath()
                    + "?immutable=1");
            return new MlflowDatabase(c);
        }
    }

    /** True when this database has MLflow's tracking tables. */
    boolean isMlflow() {
        return hasColumn("runs", "run_uuid") && hasTable("experiments") && hasTable("metrics")
                && hasTable("params");
    }

    /** The alembic revision of the schema, or "unknown". */
    String version() throws SQLException {
        if (!hasTable("alembic_version")) {
            return "unknown";
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT version_num FROM alembic_version");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "unknown";
        }
    }

    boolean hasTable(String table) {
        return columns.containsKey(table);
    }

    boolean hasColumn(String table, String column) {
        return columns.getOrDefault(table, Set.of()).contains(column);
    }

    /** {@code column} when the table has it, else {@code fallback} (an SQL literal such as NULL). */
    String columnOr(String table, String column, String fallback) {
        return hasColumn(table, column) ? column : fallback;
    }

    long count(String table) throws SQLException {
        if (!hasTable(table)) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\"");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
