package dev.cairn.store.internal.foreign;

import dev.cairn.store.foreign.ForeignSqlite;
import dev.cairn.store.model.StoreException;
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

/** The sqlite-jdbc implementation of {@link ForeignSqlite}.
 *
 * <p>Read-only access to another program's SQLite file (e.g. an MLflow {@code mlflow.db}) without JDBC leaking out of
 * the tracking store: importers read tables through this, so {@code java.sql} stays inside this module. The file
 * is opened read-only and immutable-safe; nothing is ever written to it.
 */
public final class SqliteReader implements ForeignSqlite {
    static {
        dev.cairn.store.internal.sql.SqliteNativeLibrary.prepare();
    }

    private final Path path;
    private final Connection connection;

    private SqliteReader(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens {@code path} read-only; fails with a message naming the file when it is not an SQLite database. */
    public static SqliteReader open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new StoreException("No file at " + path + ".");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try {
            return new SqliteReader(path, probed(config, "jdbc:sqlite:" + path.toAbsolutePath()));
        } catch (SQLException e) {
            try {
                // a WAL database in a folder we cannot write has no -shm: read it as immutable
                return new SqliteReader(path, probed(config,
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
        query(null, sql, params, handler);
    }

    @Override
    public void queryRows(String table, String sql, List<?> params, RowHandler handler) {
        query(table, sql, params, handler);
    }

    private void query(String table, String sql, List<?> params, RowHandler handler) {
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
                Row row = new ResultRow(rs, index, table);
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

    /** The current row of a query, read by column name (case-insensitive). Valid only inside the handler. */
    private static final class ResultRow implements Row {
        private final ResultSet rs;
        private final Map<String, Integer> index;
        /** The table of a {@link #queryRows} query, named with the row in errors; null for other queries. */
        private final String table;

        ResultRow(ResultSet rs, Map<String, Integer> index, String table) {
            this.rs = rs;
            this.index = index;
            this.table = table;
        }

        @Override
        public boolean has(String column) {
            return index.containsKey(column.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String getString(String column) {
            try {
                return rs.getString(col(column));
            } catch (SQLException e) {
                throw new StoreException("Cannot read column " + column + ": " + e.getMessage(), e);
            }
        }

        /** The value as a Long, or null when NULL; text that is not a whole number is an error, never 0. */
        @Override
        public Long getLong(String column) {
            Object v = value(column);
            if (v == null) {
                return null;
            }
            if (v instanceof Number n) {
                if (n instanceof Double || n instanceof Float) {
                    double d = n.doubleValue();
                    if (d != Math.rint(d) || Double.isInfinite(d)) {
                        throw notA(column, v, "whole number");
                    }
                }
                return n.longValue();
            }
            try {
                return Long.parseLong(v.toString().strip());
            } catch (NumberFormatException e) {
                throw notA(column, v, "whole number");
            }
        }

        /** The value as a Double, or null when NULL; text that is not a number is an error, never 0.0. */
        @Override
        public Double getDouble(String column) {
            Object v = value(column);
            if (v == null) {
                return null;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            String text = v.toString().strip();
            try {
                if (!text.isEmpty() && (Character.isDigit(text.charAt(text.length() - 1))
                        || text.endsWith("."))) {
                    double d = Double.parseDouble(text);
                    if (!Double.isInfinite(d)) {
                        return d;
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw notA(column, v, "number");
        }

        private Object value(String column) {
            try {
                Object v = rs.getObject(col(column));
                return v instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : v;
            } catch (SQLException e) {
                throw new StoreException("Cannot read column " + column + ": " + e.getMessage(), e);
            }
        }

        private StoreException notA(String column, Object v, String what) {
            String text = String.valueOf(v);
            if (text.length() > 40) {
                text = text.substring(0, 40) + "…";
            }
            return new StoreException(where() + "column " + column + ": '" + text + "' is not a " + what);
        }

        /** {@code table T, row R: } for a {@link #queryRows} row; nothing otherwise. */
        private String where() {
            if (table == null) {
                return "";
            }
            String row;
            try {
                row = has(ROW_ID) ? String.valueOf(rs.getObject(col(ROW_ID))) : "?";
            } catch (SQLException e) {
                row = "?";
            }
            return "table " + table + ", row " + row + ": ";
        }

        private int col(String column) {
            Integer i = index.get(column.toLowerCase(java.util.Locale.ROOT));
            if (i == null) {
                throw new StoreException("No column " + column + " in the result.");
            }
            return i;
        }
    }

    /** The {@link ForeignSqlite#open} service. */
    public static final class Opener implements ForeignSqlite.Opener {
        @Override
        public ForeignSqlite open(Path path) {
            return SqliteReader.open(path);
        }
    }
}
