package dev.cairn.store.internal.sql;

import dev.cairn.store.model.StoreException;

import java.sql.SQLException;

/**
 * An {@link SQLException} carried through the store's public, unchecked transaction API. Inside a write
 * transaction it is unwrapped again, so a busy database is still retried.
 */
public final class UncheckedSqlException extends StoreException {
    private static final long serialVersionUID = 1L;

    public UncheckedSqlException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }

    /** Work that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Work without a result that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlRun {
        void run() throws SQLException;
    }

    /** Runs {@code call}, rethrowing an {@link SQLException} unchecked. */
    public static <T> T unchecked(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }

    /** Runs {@code run}, rethrowing an {@link SQLException} unchecked. */
    public static void uncheckedRun(SqlRun run) {
        try {
            run.run();
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }
}
