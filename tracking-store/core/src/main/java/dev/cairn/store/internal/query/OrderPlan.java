package dev.cairn.store.internal.query;

import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.query.Attribute;
import dev.cairn.store.query.Field;
import dev.cairn.store.query.OrderKey;
import dev.cairn.store.query.SortColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL for an ordering: the LEFT JOINs that bring sort values next to the run row, the sort columns (ending
 * with {@code r.seq}, so the order is total), the ORDER BY text, and the keyset condition "strictly after this
 * row's sort values".
 */
final class OrderPlan {
    /**
     * Lead sort values with an index on (key_id, value): a metric's aggregates in metric_summaries and a param's
     * number in params ({@code params_key_num}); each mapped to the LEFT JOIN that brings it, which becomes an inner
     * join when the lead value is known to be present.
     */
    private static final Map<String, String> INDEXED_LEADS = Map.of(
            "s0.last", " LEFT JOIN metric_summaries s0 ",
            "s0.min", " LEFT JOIN metric_summaries s0 ",
            "s0.max", " LEFT JOIN metric_summaries s0 ",
            "q0.num", " LEFT JOIN params q0 ");
    private static final String RUN_NAME_TAG = "mlflow.runName";

    private final SqlBuilder joins = new SqlBuilder();
    private final List<SortColumn> columns = new ArrayList<>();

    private OrderPlan() {
    }

    /** The plan for {@code keys} (empty: {@code start_time DESC}); key ids resolve metric and param names. */
    static OrderPlan of(List<OrderKey> keys, Map<String, Long> keyIds) {
        List<OrderKey> effective = keys.isEmpty()
                ? List.of(new OrderKey(new Field.Attr(Attribute.START_TIME), true)) : keys;
        OrderPlan plan = new OrderPlan();
        for (int i = 0; i < effective.size(); i++) {
            plan.add(effective.get(i), i, keyIds);
        }
        plan.columns.add(new SortColumn("r.seq", effective.get(0).descending(), false));
        return plan;
    }

    private void add(OrderKey key, int n, Map<String, Long> keyIds) {
        Field f = key.field();
        boolean desc = key.descending();
        if (f instanceof Field.Metric m) {
            String alias = "s" + n;
            joins.sql(" LEFT JOIN metric_summaries " + alias + " ON " + alias + ".run_seq = r.seq AND " + alias
                    + ".key_id = ").bind(keyIds.getOrDefault(m.key(), -1L));
            String column = m.aggregate() == MetricAggregate.LAST ? "last" : m.aggregate().label();
            columns.add(new SortColumn(alias + "." + column, desc, true));
        } else if (f instanceof Field.Param p) {
            String alias = "q" + n;
            joins.sql(" LEFT JOIN params " + alias + " ON " + alias + ".run_seq = r.seq AND " + alias
                    + ".key_id = ").bind(keyIds.getOrDefault(p.key(), -1L));
            // numbers first, then text, then runs without the param: num and value both sort NULLs last, and a
            // present param always has a value; a leading num lets params_key_num drive the first segment
            columns.add(new SortColumn(alias + ".num", desc, true));
            columns.add(new SortColumn(alias + ".value", desc, true));
        } else if (f instanceof Field.Tag t) {
            String alias = "t" + n;
            joins.sql(" LEFT JOIN run_tags " + alias + " ON " + alias + ".run_seq = r.seq AND " + alias + ".key = ")
                    .bind(t.key());
            String value = t.key().equals(RUN_NAME_TAG) ? "COALESCE(" + alias + ".value, r.name)" : alias + ".value";
            columns.add(new SortColumn(value, desc, true));
        } else {
            Attribute a = ((Field.Attr) f).attribute();
            columns.add(new SortColumn(a.sql(), desc, a.nullable()));
        }
    }

    /**
     * The joins bringing sort values to the run row. With {@code leadPresent}, a leading sort by a metric's last
     * value joins it as an inner join, so the planner drives the query from {@code metric_summaries_key_last} in
     * sort order and stops after one page; min and max have their own indexes for the same reason, and a param's
     * number has {@code params_key_num}.
     */
    SqlBuilder joins(boolean leadPresent) {
        if (!indexDrives(leadPresent)) {
            return joins;
        }
        String leftJoin = INDEXED_LEADS.get(lead().expression());
        SqlBuilder inner = new SqlBuilder().sql(leftJoin.replace(" LEFT JOIN ", " JOIN "));
        return inner.appendTail(joins, leftJoin.length());
    }

    /** True when {@link #joins} lets the index of the leading metric aggregate or param number drive the query. */
    boolean indexDrives(boolean leadPresent) {
        return leadPresent && INDEXED_LEADS.containsKey(lead().expression());
    }

    List<SortColumn> columns() {
        return List.copyOf(columns);
    }

    /** {@code , expr AS k0, ...} for the SELECT list. */
    String selectList() {
        StringBuilder out = new StringBuilder();
        for (SortColumn c : columns) {
            out.append(", ").append(c.expression());
        }
        return out.toString();
    }

    /** The first sort column; when it is nullable, searches read the runs that have it first (see RunSearch). */
    SortColumn lead() {
        return columns.get(0);
    }

    /** True when an index on the lead sort value can drive the query: see {@link #INDEXED_LEADS}, or a run column. */
    private boolean leadIndexed() {
        String lead = lead().expression();
        return INDEXED_LEADS.containsKey(lead) || lead.startsWith("r.");
    }

    /**
     * The ORDER BY terms, NULLs last in both directions; with {@code leadPresent} the first column is known to be
     * non-NULL, so the order can follow an index on it.
     */
    String orderBy(boolean leadPresent) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SortColumn c = columns.get(i);
            if (c.nullable() && !(leadPresent && i == 0)) {
                terms.add("(" + c.expression() + " IS NULL)");
            }
            terms.add(c.expression() + (c.descending() ? " DESC" : " ASC"));
        }
        return String.join(", ", terms);
    }

    /**
     * The condition "sorts strictly after the row whose sort values are {@code cursor}" (one value per column, as
     * read back from the select list). With {@code leadPresent} the first column is known to be non-NULL; when an
     * index drives the query (see {@link #joins}), a redundant range term on it lets the index seek to the cursor.
     * Otherwise the condition is wrapped in {@code coalesce} so that the planner keeps scanning runs rather than
     * turning the sort join into an inner join driven by an index that does not cover the sort value.
     */
    SqlBuilder after(List<Object> cursor, boolean leadPresent) {
        if (cursor.size() != columns.size()) {
            throw new IllegalArgumentException("The page token does not belong to this query.");
        }
        boolean indexed = leadPresent && leadIndexed();
        SqlBuilder out = new SqlBuilder().sql(indexed ? "(" : "COALESCE(");
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            SortColumn c = columns.get(i);
            Object v = cursor.get(i);
            if (v == null) {
                continue;
            }
            if (!first) {
                out.sql(" OR ");
            }
            first = false;
            out.sql("(");
            for (int j = 0; j < i; j++) {
                equal(columns.get(j), cursor.get(j), out);
                out.sql(" AND ");
            }
            String cmp = c.descending() ? " < " : " > ";
            if (c.nullable() && !(leadPresent && i == 0)) {
                out.sql("(").sql(c.expression()).sql(" IS NULL OR ").sql(c.expression()).sql(cmp).bind(v).sql(")");
            } else {
                out.sql(c.expression()).sql(cmp).bind(v);
            }
            out.sql(")");
        }
        if (first) {
            out.sql("FALSE");
        }
        out.sql(indexed ? ")" : ", FALSE)");
        Object lead = cursor.get(0);
        if (indexed && lead != null) {
            out.sql(" AND ").sql(lead().expression()).sql(lead().descending() ? " <= " : " >= ").bind(lead);
        }
        return out;
    }

    private static void equal(SortColumn c, Object v, SqlBuilder out) {
        if (v == null) {
            out.sql(c.expression()).sql(" IS NULL");
        } else {
            out.sql(c.expression()).sql(" = ").bind(v);
        }
    }
}
