package dev.cairn.store.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of read work on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
