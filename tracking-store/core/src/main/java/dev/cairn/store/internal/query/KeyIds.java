package dev.cairn.store.internal.query;

import dev.cairn.store.query.Field;
import dev.cairn.store.query.FilterExpr;
import dev.cairn.store.query.OrderKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the metric and param key names a query uses and resolves them to key ids in one lookup. */
final class KeyIds {
    private KeyIds() {
    }

    /** Names of metric and param keys in {@code filter} (may be null) and {@code order}. */
    static Set<String> used(FilterExpr filter, List<OrderKey> order) {
        Set<String> names = new LinkedHashSet<>();
        if (filter != null) {
            collect(filter, names);
        }
        for (OrderKey k : order) {
            add(k.field(), names);
        }
        return names;
    }

    private static void collect(FilterExpr expr, Set<String> names) {
        if (expr instanceof FilterExpr.And and) {
            and.parts().forEach(p -> collect(p, names));
        } else if (expr instanceof FilterExpr.Or or) {
            or.parts().forEach(p -> collect(p, names));
        } else if (expr instanceof FilterExpr.Not not) {
            collect(not.inner(), names);
        } else if (expr instanceof FilterExpr.Compare c) {
            add(c.field(), names);
        } else if (expr instanceof FilterExpr.InList in) {
            add(in.field(), names);
        } else {
            add(((FilterExpr.NullCheck) expr).field(), names);
        }
    }

    private static void add(Field f, Set<String> names) {
        if (f instanceof Field.Metric m) {
            names.add(m.key());
        } else if (f instanceof Field.Param p) {
            names.add(p.key());
        }
    }

    /** Ids of those {@code names} that exist (names never logged are absent from the map). */
    static Map<String, Long> resolve(Connection c, Set<String> names) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        SqlBuilder sql = new SqlBuilder().sql("SELECT name, id FROM keys WHERE name IN ").bindList(List.copyOf(names));
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bindTo(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }
}
