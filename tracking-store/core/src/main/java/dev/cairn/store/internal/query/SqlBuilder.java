package dev.cairn.store.internal.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text built only from fixed fragments, with every value (user strings, numbers, key ids) carried separately as
 * a bound parameter in the order of its {@code ?}.
 */
final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends fixed SQL text (never user input). */
    SqlBuilder sql(String fixed) {
        sql.append(fixed);
        return this;
    }

    /** Appends {@code ?} and binds {@code value} (String, Long, Integer or a non-NaN Double). */
    SqlBuilder bind(Object value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)} binding each value. */
    SqlBuilder bindList(List<?> values) {
        sql.append('(').append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
        params.addAll(values);
        return this;
    }

    /** Appends another builder's text and parameters. */
    SqlBuilder append(SqlBuilder other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    /** Appends {@code other}'s text from character {@code from} on, and all of its parameters. */
    SqlBuilder appendTail(SqlBuilder other, int from) {
        sql.append(other.sql, from, other.sql.length());
        params.addAll(other.params);
        return this;
    }

    boolean isEmpty() {
        return sql.length() == 0;
    }

    String text() {
        return sql.toString();
    }

    List<Object> params() {
        return List.copyOf(params);
    }

    /** Binds the parameters to {@code ps} from index 1; returns the next free index. */
    int bindTo(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p == null) {
                ps.setNull(i++, Types.NULL);
            } else if (p instanceof String s) {
                ps.setString(i++, s);
            } else if (p instanceof Double d) {
                ps.setDouble(i++, d);
            } else if (p instanceof Long l) {
                ps.setLong(i++, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i++, n);
            } else {
                throw new IllegalStateException("unsupported parameter type " + p.getClass());
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
