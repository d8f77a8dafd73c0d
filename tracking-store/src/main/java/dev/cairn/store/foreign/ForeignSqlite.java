package dev.cairn.store.foreign;

import dev.cairn.store.StoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only access to another program's SQLite file (e.g. an MLflow {@code mlflow.db}) without JDBC leaking out of
 * the tracking store: importers read tables through this, so {@code java.sql} stays inside this module. The file
 * is opened read-only and immutable-safe; nothing is ever written to it.
 */
public final class ForeignSqlite implements AutoCloseable {
    private final Path path;
    private final Connection connection;

    private ForeignSqlite(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens {@code path} read-only; fails with a message naming the file when it is not an SQLite database. */
    public static ForeignSqlite open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new StoreException("No file at " + path + ".");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try {
            return new ForeignSqlite(path, probed(config, "jdbc:sqlite:" + path.toAbsolutePath()));
        } catch (SQLException e) {
            try {
                // a WAL database in a folder we cannot write has no -shm: read it as immutable
                return new ForeignSqlite(path, probed(config,
                        "jdbc:sqlite:file:" + path.toAbsolutePath().toUri().getRawPath() + "?immutable=1"));
            } catch (SQLException again) {
                throw new StoreException(path + " is not a readable SQLite database: " + e.getMessage(), e);
            }
        }
    }

    private static Connection probed(SQLiteConfig config, String url) throws SQLException {
        Connection c = config.createConnection(url);
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** True when {@code path} starts with the SQLite file header (cheap; for probing). */
    public static boolean looksLikeSqlite(Path path) {
        try (var in = Files.newInputStream(path)) {
            byte[] header = in.readNBytes(16);
            return new String(header, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Names of the tables in the file. */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", List.of(),
                row -> out.add(row.getString("name")));
        return out;
    }

    /** Column names of {@code table} (empty when there is no such table). */
    public List<String> columns(String table) {
        List<String> out = new ArrayList<>();
        query("SELECT name FROM pragma_table_info(?)", List.of(table), row -> out.add(row.getString("name")));
        return out;
    }

    /** Runs a read-only query with bound parameters, handing each row to {@code handler}. */
    public void query(String sql, List<?> params, RowHandler handler) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Integer> index = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    index.putIfAbsent(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
                }
                Row row = new Row(rs, index);
                while (rs.next()) {
                    handler.handle(row);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Cannot close " + path + ": " + e.getMessage(), e);
        }
    }

    /** Receives rows of a query. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(Row row);
    }

    /** The current row of a query, read by column name (case-insensitive). Valid only inside the handler. */
    public static final class Row {
        private final ResultSet rs;
        private final Map<String, Integer> index;

        Row(ResultSet rs, Map<String, Integer> index) {
            this.rs = rs;
            this.index = index;
        }

        public boolean has(String column) {
            return index.containsKey(column.toLowerCase(java.util.Locale.ROOT));
        }

        public String getString(String column) {
            try {
                return rs.getString(col(column));
            } catch (SQLException e) {
                throw new StoreException("Cannot read column " + column + ": " + e.getMessage(), e);
            }
        }

        /** The value as a Long, or null when NULL. */
        public Long getLong(String column) {
            try {
                long v = rs.getLong(col(column));
                return rs.wasNull() ? null : v;
            } catch (SQLException e) {
                throw new StoreException("Cannot read column " + column + ": " + e.getMessage(), e);
            }
        }

        /** The value as a Double, or null when NULL. */
        public Double getDouble(String column) {
            try {
                double v = rs.getDouble(col(column));
                return rs.wasNull() ? null : v;
            } catch (SQLException e) {
                throw new StoreException("Cannot read column " + column + ": " + e.getMessage(), e);
            }
        }

        private int col(String column) {
            Integer i = index.get(column.toLowerCase(java.util.Locale.ROOT));
            if (i == null) {
                throw new StoreException("No column " + column + " in the result.");
            }
            return i;
        }
    }
}
