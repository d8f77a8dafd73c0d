package dev.cairn.store.internal.series;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** SQLite stores NaN as NULL; these keep NaN round-tripping through nullable REAL columns. */
public final class SqlDoubles {
    private SqlDoubles() {
    }

    public static void set(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    public static double get(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }
}
