package dev.cairn.store.internal.sql;

import java.sql.SQLException;

/** A unit of write work inside one transaction; may run more than once when the store was busy. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx) throws SQLException;
}
