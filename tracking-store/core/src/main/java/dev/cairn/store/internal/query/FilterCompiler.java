package dev.cairn.store.internal.query;

import dev.cairn.store.internal.sql.SqlDialect;
import dev.cairn.store.query.Attribute;
import dev.cairn.store.query.CompareOp;
import dev.cairn.store.query.Field;
import dev.cairn.store.query.FilterExpr;
import dev.cairn.store.query.Literal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiles a {@link FilterExpr} to a SQL condition over the run row ({@code r}, {@code e}, {@code p}). Every
 * predicate is two-valued (never SQL NULL), so {@code NOT} is an exact complement. Metric and param predicates are
 * correlated {@code EXISTS} lookups on the tables' primary keys; a key that was never logged makes a comparison
 * false without touching those tables.
 */
final class FilterCompiler {
    private static final String TRUE = "TRUE";
    private static final String FALSE = "FALSE";
    private static final String RUN_NAME_TAG = "mlflow.runName";

    private final Map<String, Long> keyIds;
    private final SqlDialect dialect;

    /**
     * @param keyIds  ids of the metric and param key names used by the filter (absent: never logged)
     * @param dialect spells LIKE and ILIKE for the store's engine
     */
    FilterCompiler(Map<String, Long> keyIds, SqlDialect dialect) {
        this.keyIds = keyIds;
        this.dialect = dialect;
    }

    SqlBuilder compile(FilterExpr expr) {
        SqlBuilder out = new SqlBuilder();
        write(expr, out);
        return out;
    }

    private void write(FilterExpr expr, SqlBuilder out) {
        if (expr instanceof FilterExpr.And and) {
            join(and.parts(), " AND ", out);
        } else if (expr instanceof FilterExpr.Or or) {
            join(or.parts(), " OR ", out);
        } else if (expr instanceof FilterExpr.Not not) {
            out.sql("NOT (");
            write(not.inner(), out);
            out.sql(")");
        } else if (expr instanceof FilterExpr.Compare cmp) {
            compare(cmp, out);
        } else if (expr instanceof FilterExpr.InList in) {
            inList(in, out);
        } else {
            nullCheck((FilterExpr.NullCheck) expr, out);
        }
    }

    private void join(List<FilterExpr> parts, String connective, SqlBuilder out) {
        out.sql("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.sql(connective);
            }
            write(parts.get(i), out);
        }
        out.sql(")");
    }

    /**
     * Where a field's value lives: a row of a per-run table found by key ({@code from} ends just before the bound
     * key, or is complete when {@code key} is null), or an expression over the run row.
     */
    private record Target(String from, Object key, String column, boolean nullable) {
        static Target row(String from, Object key, String column) {
            return new Target(from, key, column, true);
        }

        static Target expression(String column, boolean nullable) {
            return new Target(null, null, column, nullable);
        }
    }

    /** The field's target, or null when its key was never logged (no run has it). */
    private Target target(Field field) {
        if (field instanceof Field.Metric m) {
            Long id = keyIds.get(m.key());
            return id == null ? null : Target.row("metric_summaries m WHERE m.run_seq = r.seq AND m.key_id = ", id,
                    "m." + m.aggregate().label());
        }
        if (field instanceof Field.Param p) {
            Long id = keyIds.get(p.key());
            return id == null ? null : Target.row("params x WHERE x.run_seq = r.seq AND x.key_id = ", id, "x.value");
        }
        if (field instanceof Field.Tag t) {
            return Target.row("run_tags t WHERE t.run_seq = r.seq AND t.key = ", t.key(), "t.value");
        }
        if (field instanceof Field.Attr a) {
            return Target.expression(a.attribute().sql(), a.attribute().nullable());
        }
        Field.Dataset d = (Field.Dataset) field;
        return Target.row("dataset_inputs d WHERE d.run_seq = r.seq", null, d.column().sql());
    }

    /** Writes the predicate "the field exists and {@code condition} holds on its value". */
    private static void holds(Target t, Consumer<SqlBuilder> condition, SqlBuilder out) {
        if (t.from() != null) {
            out.sql("EXISTS (SELECT 1 FROM ").sql(t.from());
            if (t.key() != null) {
                out.bind(t.key());
            }
            out.sql(" AND ");
            condition.accept(out);
            out.sql(")");
        } else if (t.nullable()) {
            out.sql("(").sql(t.column()).sql(" IS NOT NULL AND ");
            condition.accept(out);
            out.sql(")");
        } else {
            condition.accept(out);
        }
    }

    private void compare(FilterExpr.Compare cmp, SqlBuilder out) {
        Field field = cmp.field();
        if (field instanceof Field.Tag tag && tag.key().equals(RUN_NAME_TAG)) {
            runNameTag(out, o -> textCondition("name_or_tag", cmp.op(), ((Literal.Text) cmp.value()).value(), o));
            return;
        }
        Target t = target(field);
        if (t == null) {
            out.sql(FALSE);
            return;
        }
        if (cmp.value() instanceof Literal.Text text) {
            String value = normalise(field, cmp.op(), text.value());
            holds(t, o -> textCondition(t.column(), cmp.op(), value, o), out);
            return;
        }
        Literal.Number n = (Literal.Number) cmp.value();
        if (field instanceof Field.Metric) {
            metricNumber(t, cmp.op(), n.value(), out);
        } else if (field instanceof Field.Param) {
            paramNumber(t, cmp.op(), n.value(), out);
        } else {
            attributeNumber(t, cmp.op(), n.value(), out);
        }
    }

    private static String normalise(Field field, CompareOp op, String value) {
        boolean status = field instanceof Field.Attr a && a.attribute() == Attribute.STATUS;
        return status && !op.isPattern() ? value.toUpperCase(Locale.ROOT) : value;
    }

    private void textCondition(String column, CompareOp op, String value, SqlBuilder out) {
        switch (op) {
            case LIKE -> template(dialect.caseSensitiveLike(column), dialect.likePattern(value, true), out);
            case ILIKE -> template(dialect.caseInsensitiveLike(column), dialect.likePattern(value, false), out);
            default -> out.sql(column).sql(" ").sql(op.sql()).sql(" ").bind(value);
        }
    }

    /** Appends a dialect's SQL fragment with one {@code ?}, binding {@code value} there. */
    private static void template(String sql, String value, SqlBuilder out) {
        int q = sql.indexOf('?');
        out.sql(sql.substring(0, q)).bind(value).sql(sql.substring(q + 1));
    }

    /** NaN is stored as NULL: {@code = NaN} finds NaN values, {@code != x} includes them (IEEE semantics). */
    private static void metricNumber(Target t, CompareOp op, double v, SqlBuilder out) {
        String col = t.column();
        if (Double.isNaN(v)) {
            switch (op) {
                case EQ -> holds(t, o -> o.sql(col).sql(" IS NULL"), out);
                case NE -> holds(t, o -> o.sql(col).sql(" IS NOT NULL"), out);
                default -> out.sql(FALSE);
            }
        } else if (op == CompareOp.NE) {
            holds(t, o -> o.sql("(").sql(col).sql(" IS NULL OR ").sql(col).sql(" <> ").bind(v).sql(")"), out);
        } else {
            holds(t, o -> o.sql(col).sql(" ").sql(op.sql()).sql(" ").bind(v), out);
        }
    }

    /** Compares the param's numeric reading; a non-numeric value is unequal to every number. */
    private static void paramNumber(Target t, CompareOp op, double v, SqlBuilder out) {
        String nan = "(x.num IS NULL AND lower(trim(x.value)) = 'nan')";
        if (Double.isNaN(v)) {
            switch (op) {
                case EQ -> holds(t, o -> o.sql(nan), out);
                case NE -> holds(t, o -> o.sql("NOT ").sql(nan), out);
                default -> out.sql(FALSE);
            }
        } else if (op == CompareOp.NE) {
            holds(t, o -> o.sql("(x.num IS NULL OR x.num <> ").bind(v).sql(")"), out);
        } else {
            holds(t, o -> o.sql("x.num ").sql(op.sql()).sql(" ").bind(v), out);
        }
    }

    private static void attributeNumber(Target t, CompareOp op, double v, SqlBuilder out) {
        if (Double.isNaN(v)) {
            if (op == CompareOp.NE) {
                holds(t, o -> o.sql("1"), out);
            } else {
                out.sql(FALSE);
            }
            return;
        }
        Object bound = v == Math.rint(v) && Math.abs(v) < 9.0e15 ? (Object) (long) v : (Object) v;
        holds(t, o -> o.sql(t.column()).sql(" ").sql(op.sql()).sql(" ").bind(bound), out);
    }

    private void inList(FilterExpr.InList in, SqlBuilder out) {
        List<String> values = in.values().stream()
                .map(v -> normalise(in.field(), CompareOp.EQ, v.value())).toList();
        String op = in.negated() ? " NOT IN " : " IN ";
        if (in.field() instanceof Field.Tag tag && tag.key().equals(RUN_NAME_TAG)) {
            runNameTag(out, o -> o.sql("name_or_tag").sql(op).bindList(values));
            return;
        }
        Target t = target(in.field());
        if (t == null) {
            out.sql(FALSE);
            return;
        }
        holds(t, o -> o.sql(t.column()).sql(op).bindList(values), out);
    }

    private void nullCheck(FilterExpr.NullCheck check, SqlBuilder out) {
        Field field = check.field();
        if (field instanceof Field.Tag tag && tag.key().equals(RUN_NAME_TAG)) {
            if (!check.negated()) {
                out.sql("NOT ");
            }
            runNameTag(out, o -> o.sql("name_or_tag IS NOT NULL"));
            return;
        }
        Target t = target(field);
        if (t == null) {
            out.sql(check.negated() ? FALSE : TRUE);
            return;
        }
        if (!check.negated()) {
            out.sql("NOT ");
        }
        if (t.from() == null) {
            out.sql("(").sql(t.column()).sql(" IS NOT NULL)");
        } else {
            holds(t, o -> o.sql(t.column()).sql(" IS NOT NULL"), out);
        }
    }

    /**
     * MLflow keeps a run's name in the tag {@code mlflow.runName}; Cairn has a name column. The tag, when a run has
     * it, wins; otherwise the run name stands in. Writes a two-valued predicate over {@code name_or_tag}.
     */
    private static void runNameTag(SqlBuilder out, Consumer<SqlBuilder> condition) {
        out.sql("COALESCE((SELECT ");
        condition.accept(out);
        out.sql(" FROM (SELECT COALESCE((SELECT t.value FROM run_tags t WHERE t.run_seq = r.seq AND t.key = ")
                .bind(RUN_NAME_TAG).sql("), r.name) AS name_or_tag) AS run_name_tag), FALSE)");
    }
}
