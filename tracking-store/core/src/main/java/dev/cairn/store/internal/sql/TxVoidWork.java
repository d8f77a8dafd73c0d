package dev.cairn.store.internal.sql;

import java.sql.SQLException;

/** Write work without a result. */
@FunctionalInterface
public interface TxVoidWork {
    void run(Tx tx) throws SQLException;
}
