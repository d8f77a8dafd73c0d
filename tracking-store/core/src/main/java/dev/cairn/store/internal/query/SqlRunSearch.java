package dev.cairn.store.internal.query;

import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.RunRowMapper;
import dev.cairn.store.model.Run;
import dev.cairn.store.query.FilterExpr;
import dev.cairn.store.query.FilterParser;
import dev.cairn.store.query.FilterSyntaxException;
import dev.cairn.store.query.OrderKey;
import dev.cairn.store.query.OrderParser;
import dev.cairn.store.query.PageToken;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.query.RunSearch;
import dev.cairn.store.query.SortColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The SQL implementation of {@link RunSearch}: compiles filters and orderings to bound SQL. */
public final class SqlRunSearch implements RunSearch {
    /** Columns of {@link RunRowMapper#COLUMNS}; the sort values follow them. */
    private static final int RUN_COLUMNS = 16;

    private final Database db;

    public SqlRunSearch(Database db) {
        this.db = db;
    }

    /**
     * One page of runs matching {@code query}; a malformed filter or order-by throws {@link FilterSyntaxException},
     * a malformed or foreign page token an {@link IllegalArgumentException}.
     *
     * <p>When the first sort value can be missing, the runs that have it and the runs that lack it are read by two
     * queries (the second only when the page is not yet full): the first can then walk an index on the sort value
     * (e.g. {@code metric_summaries_key_last}) and stop after one page, instead of sorting every match.
     */
    public RunPage search(RunQuery query) {
        Prepared p = prepare(query);
        List<Object> cursor = query.pageToken() == null ? null : PageToken.decode(query.pageToken(), p.fingerprint);
        return db.stoppableRead(c -> {
            Map<String, Long> ids = KeyIds.resolve(c, KeyIds.used(p.filter, p.order));
            OrderPlan plan = OrderPlan.of(p.order, ids);
            Rows rows = new Rows(query.pageSize() + 1);
            SortColumn lead = plan.lead();
            if (!lead.nullable()) {
                rows.read(c, select(query, p.filter, ids, plan, cursor, false, ""));
            } else {
                boolean inPresent = cursor == null || cursor.get(0) != null;
                if (inPresent) {
                    rows.read(c, select(query, p.filter, ids, plan, cursor, true, lead.expression() + " IS NOT NULL"));
                }
                if (!rows.full()) {
                    List<Object> missingCursor = inPresent ? null : cursor;
                    rows.read(c, select(query, p.filter, ids, plan, missingCursor, false,
                            lead.expression() + " IS NULL"));
                }
            }
            return rows.page(query.pageSize(), p.fingerprint);
        });
    }

    /** The SELECT of one segment of a page, ending with {@code LIMIT } (the limit is bound by the caller). */
    SqlBuilder select(RunQuery query, FilterExpr filter, Map<String, Long> ids, OrderPlan plan,
                                     List<Object> cursor, boolean leadPresent, String segment) {
        // when a metric's or param's index drives the query, the experiment scope must not pull the planner onto the
        // runs' experiment index (it did once the store held a few experiments: the whole experiment read and sorted);
        // so must the active-experiments condition of an unscoped query: with a filter, SQLite otherwise read runs
        // experiment by experiment and sorted every match (1.1 s for a first page of 100,000 runs) instead of
        // walking the order's index and stopping at the first page of matches
        boolean notByExperiment = plan.indexDrives(leadPresent) || query.experiments().isEmpty();
        SqlBuilder sql = new SqlBuilder().sql("SELECT " + RunRowMapper.COLUMNS + plan.selectList()
                + (notByExperiment ? RunRowMapper.FROM_NOT_BY_EXPERIMENT : RunRowMapper.FROM))
                .append(plan.joins(leadPresent));
        where(sql, query, filter, ids, notByExperiment);
        if (!segment.isEmpty()) {
            sql.sql(" AND ").sql(segment);
        }
        if (cursor != null) {
            sql.sql(" AND ").append(plan.after(cursor, leadPresent));
        }
        return sql.sql(" ORDER BY ").sql(plan.orderBy(leadPresent)).sql(" LIMIT ");
    }

    /** How many runs match {@code query}'s scope and filter (ordering and page ignored). */
    public long count(RunQuery query) {
        Prepared p = prepare(query);
        return db.stoppableRead(c -> {
            Map<String, Long> ids = KeyIds.resolve(c, KeyIds.used(p.filter, List.of()));
            SqlBuilder sql = new SqlBuilder().sql("SELECT count(*)" + RunRowMapper.FROM);
            where(sql, query, p.filter, ids, false);
            try (PreparedStatement ps = c.prepareStatement(sql.text())) {
                sql.bindTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Every run matching {@code query}, following pages. */
    public List<Run> searchAll(RunQuery query) {
        List<Run> all = new ArrayList<>();
        RunQuery q = query;
        while (true) {
            RunPage page = search(q);
            all.addAll(page.runs());
            if (page.nextPageToken() == null) {
                return all;
            }
            q = q.after(page.nextPageToken());
        }
    }

    /** The parsed filter and ordering, and the fingerprint tying page tokens to them. */
    record Prepared(FilterExpr filter, List<OrderKey> order, int fingerprint) {
    }

    static Prepared prepare(RunQuery query) {
        FilterExpr filter = query.hasFilter() ? FilterParser.parse(query.filter()) : null;
        List<OrderKey> order = OrderParser.parse(query.orderBy());
        int fingerprint = Objects.hash(query.experiments(), query.hasFilter() ? query.filter().strip() : "",
                query.orderBy(), query.includeDeleted());
        return new Prepared(filter, order, fingerprint);
    }

    private void where(SqlBuilder sql, RunQuery query, FilterExpr filter, Map<String, Long> ids,
                       boolean notByExperiment) {
        sql.sql(" WHERE 1 = 1");
        if (!query.includeDeleted()) {
            // a subquery, not e.lifecycle: a condition on the joined experiment made SQLite scan experiments and
            // sort every match instead of walking the runs' order index (1.4 s for a 100k-run first page)
            sql.sql(" AND r.lifecycle = 'active'"
                    + " AND " + (notByExperiment ? "+" : "") + "r.experiment_id IN "
                    + "(SELECT id FROM experiments WHERE lifecycle = 'active')");
        }
        if (!query.experiments().isEmpty()) {
            sql.sql(" AND e.name IN ").bindList(query.experiments());
        }
        if (filter != null) {
            sql.sql(" AND ").append(new FilterCompiler(ids, db.dialect()).compile(filter));
        }
    }

    /** Runs read so far for one page (one more than the page size, to know whether a next page exists). */
    private static final class Rows {
        private final int limit;
        private final List<Run> runs = new ArrayList<>();
        private final List<List<Object>> sortValues = new ArrayList<>();

        Rows(int limit) {
            this.limit = limit;
        }

        boolean full() {
            return runs.size() >= limit;
        }

        /** Runs {@code sql} (which ends with {@code LIMIT }) for the rows still missing. */
        void read(Connection c, SqlBuilder sql) throws SQLException {
            sql.bind(limit - runs.size());
            try (PreparedStatement ps = c.prepareStatement(sql.text())) {
                sql.bindTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        runs.add(RunRowMapper.map(rs));
                        List<Object> values = new ArrayList<>(columns - RUN_COLUMNS);
                        for (int i = RUN_COLUMNS + 1; i <= columns; i++) {
                            values.add(rs.getObject(i));
                        }
                        sortValues.add(values);
                    }
                }
            }
        }

        RunPage page(int pageSize, int fingerprint) {
            if (runs.size() <= pageSize) {
                return new RunPage(runs, null);
            }
            return new RunPage(runs.subList(0, pageSize), PageToken.encode(fingerprint, sortValues.get(pageSize - 1)));
        }
    }
}
