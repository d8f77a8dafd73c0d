package dev.cairn.plugin.mlflow;

import dev.cairn.store.foreign.ForeignSqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An MLflow SQLite database opened read-only through the store's {@link ForeignSqlite}, with the tables and
 * columns it has (schemas differ from MLflow 1.x to 3.x; unknown extra tables and columns are ignored, missing
 * optional ones are tolerated).
 */
final class MlflowDatabase implements AutoCloseable {
    private final ForeignSqlite db;
    private final Map<String, Set<String>> columns = new HashMap<>();

    private MlflowDatabase(ForeignSqlite db) {
        this.db = db;
        for (String table : db.tables()) {
            Set<String> names = new HashSet<>();
            for (String column : db.columns(table)) {
                names.add(column.toLowerCase(Locale.ROOT));
            }
            columns.put(table.toLowerCase(Locale.ROOT), names);
        }
    }

    /** True when the file starts with the SQLite header. */
    static boolean isSqliteFile(Path file) {
        return Files.isRegularFile(file) && ForeignSqlite.looksLikeSqlite(file);
    }

    /** Opens read-only (immutable for a WAL database in a read-only folder). */
    static MlflowDatabase open(Path file) {
        return new MlflowDatabase(ForeignSqlite.open(file));
    }

    /** True when this database has MLflow's tracking tables. */
    boolean isMlflow() {
        return hasColumn("runs", "run_uuid") && hasTable("experiments") && hasTable("metrics")
                && hasTable("params");
    }

    /** The alembic revision of the schema, or "unknown". */
    String version() {
        if (!hasTable("alembic_version")) {
            return "unknown";
        }
        String[] version = {"unknown"};
        db.query("SELECT version_num FROM alembic_version", List.of(), row -> version[0] = row.getString("version_num"));
        return version[0];
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

    long count(String table) {
        if (!hasTable(table)) {
            return 0;
        }
        long[] n = {0};
        db.query("SELECT count(*) AS n FROM \"" + table + "\"", List.of(), row -> n[0] = row.getLong("n"));
        return n[0];
    }

    /** Runs a query, handing each row to {@code handler}. */
    void query(String sql, ForeignSqlite.RowHandler handler) {
        db.query(sql, List.of(), handler);
    }

    /**
     * Runs a query over the rows of {@code table} that selects each row's id as {@link ForeignSqlite#ROW_ID}: a value
     * that cannot be read as asked fails naming the table and the row ({@link ForeignSqlite#queryRows}).
     */
    void queryRows(String table, String sql, ForeignSqlite.RowHandler handler) {
        db.queryRows(table, sql, List.of(), handler);
    }

    @Override
    public void close() {
        db.close();
    }
}
