package dev.cairn.store.foreign;

import dev.cairn.store.model.StoreException;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Read-only access to another program's SQLite file (e.g. an MLflow {@code mlflow.db}) for importers, without
 * JDBC leaking out of the tracking store. The file is opened read-only and immutable-safe; nothing is ever
 * written to it.
 */
public interface ForeignSqlite extends AutoCloseable {

    /** Opens {@code path} read-only; fails with a message naming the file when it is not an SQLite database. */
    static ForeignSqlite open(Path path) {
        for (Opener opener : ServiceLoader.load(Opener.class, ForeignSqlite.class.getClassLoader())) {
            return opener.open(path);
        }
        throw new StoreException("No SQLite reader is installed to read " + path + ".");
    }

    /** True when {@code path} starts with the SQLite file header (cheap; for probing). */
    static boolean looksLikeSqlite(Path path) {
        try (var in = java.nio.file.Files.newInputStream(path)) {
            byte[] header = in.readNBytes(16);
            return new String(header, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Names of the tables in the file. */
    List<String> tables();

    /** Column names of {@code table} (empty when there is no such table). */
    List<String> columns(String table);

    /** Runs a read-only query with bound parameters, handing each row to {@code handler}. */
    void query(String sql, List<?> params, RowHandler handler);

    /** The column a {@link #queryRows} query selects the row's id as ({@code SELECT rowid AS row_id, ...}). */
    String ROW_ID = "row_id";

    /**
     * Runs a read-only query over the rows of one {@code table} that selects each row's id as {@link #ROW_ID}: a value
     * that a {@link Row} cannot read as asked (SQLite keeps text such as {@code 'abc'} in a REAL column) fails
     * naming the table and the row, e.g. {@code table trial_values, row 12: column value: 'abc' is not a number}.
     */
    void queryRows(String table, String sql, List<?> params, RowHandler handler);

    @Override
    void close();

    /** Receives rows of a query. */
    @FunctionalInterface
    interface RowHandler {
        void handle(Row row);
    }

    /** The current row of a query, read by column name (case-insensitive). Valid only inside the handler. */
    interface Row {
        /** True when the result has {@code column}. */
        boolean has(String column);

        /** The value as text, or null when NULL. */
        String getString(String column);

        /**
         * The value as a Long, or null when NULL.
         *
         * @throws dev.cairn.store.model.StoreException naming the column and value when it is text (or a blob)
         *                                             that is not a whole number: never read as 0
         */
        Long getLong(String column);

        /**
         * The value as a Double, or null when NULL.
         *
         * @throws dev.cairn.store.model.StoreException naming the column and value when it is text (or a blob)
         *                                             that is not a number: never read as 0.0
         */
        Double getDouble(String column);
    }

    /** The service that opens foreign SQLite files (provided by the store's implementation). */
    interface Opener {
        ForeignSqlite open(Path path);
    }
}
