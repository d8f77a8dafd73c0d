package dev.cairn.store.internal.sql;

import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The one SELECT list and mapping for {@link Run} rows; queries join {@code runs r} and {@code experiments e}. */
public final class RunRowMapper {
    /** Columns 1..16 of a run row; needs {@code runs r JOIN experiments e} and {@code LEFT JOIN runs p}. */
    public static final String COLUMNS = "r.id, r.experiment_id, e.name, r.name, r.status, r.start_ms, r.end_ms, "
            + "r.user_name, p.id, r.lifecycle, r.deleted_ms, r.source_program, r.source_commit, r.note, "
            + "r.artifact_uri, r.change_seq";
    /** FROM clause matching {@link #COLUMNS}. */
    public static final String FROM = " FROM runs r JOIN experiments e ON e.id = r.experiment_id "
            + "LEFT JOIN runs p ON p.seq = r.parent_seq";
    /**
     * {@link #FROM} with {@code +r.experiment_id}, which keeps the experiment join off the runs' experiment index, for
     * queries another index should drive. Reading runs by a list of ids, SQLite otherwise walked every run of the
     * experiment and tested its id against the list (80 ms for 1,000 ids in a 100k-run experiment, not a few ms
     * through the ids' unique index); and a search sorted by a metric walked and sorted the whole experiment
     * (140 ms) instead of following the metric's index for one page (14 ms).
     */
    public static final String FROM_NOT_BY_EXPERIMENT = " FROM runs r JOIN experiments e ON e.id = +r.experiment_id "
            + "LEFT JOIN runs p ON p.seq = r.parent_seq";

    private RunRowMapper() {
    }

    public static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5)), nullableLong(rs, 6), nullableLong(rs, 7), rs.getString(8),
                rs.getString(9), Lifecycle.fromLabel(rs.getString(10)), nullableLong(rs, 11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getLong(16));
    }

    public static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
