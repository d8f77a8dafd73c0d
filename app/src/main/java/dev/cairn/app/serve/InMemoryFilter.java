package dev.cairn.app.serve;

import dev.cairn.store.query.CompareOp;
import dev.cairn.store.query.Field;
import dev.cairn.store.query.FilterExpr;
import dev.cairn.store.query.FilterParser;
import dev.cairn.store.query.Literal;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * MLflow's search filter over the few things that are not runs (experiments, registered models, model versions),
 * parsed by the store's {@link FilterParser} and evaluated in memory against string fields: {@code name},
 * {@code run_id}, {@code tags.<key>}. A missing field never matches a comparison; {@code IS NULL} finds it.
 */
final class InMemoryFilter {
    private InMemoryFilter() {
    }

    /**
     * A predicate for {@code filter} (everything for a blank one); {@code fields} gives a field's value for an item,
     * or null when the item lacks it, and throws INVALID_PARAMETER_VALUE for a field that cannot be searched.
     */
    static <T> Predicate<T> of(String filter, Function<T, Function<Field, String>> fields) {
        if (filter == null || filter.isBlank()) {
            return x -> true;
        }
        FilterExpr expr = FilterParser.parse(filter);
        return item -> eval(expr, fields.apply(item));
    }

    private static boolean eval(FilterExpr e, Function<Field, String> fields) {
        if (e instanceof FilterExpr.And and) {
            return and.parts().stream().allMatch(p -> eval(p, fields));
        }
        if (e instanceof FilterExpr.Or or) {
            return or.parts().stream().anyMatch(p -> eval(p, fields));
        }
        if (e instanceof FilterExpr.Not not) {
            return !eval(not.inner(), fields);
        }
        if (e instanceof FilterExpr.NullCheck nc) {
            return (fields.apply(nc.field()) == null) != nc.negated();
        }
        if (e instanceof FilterExpr.InList in) {
            String v = fields.apply(in.field());
            if (v == null) {
                return false;
            }
            boolean found = in.values().stream().anyMatch(t -> t.value().equals(v));
            return found != in.negated();
        }
        FilterExpr.Compare c = (FilterExpr.Compare) e;
        String v = fields.apply(c.field());
        if (v == null) {
            return false;
        }
        String lit = c.value() instanceof Literal.Text t ? t.value() : ((Literal.Number) c.value()).source();
        return switch (c.op()) {
            case EQ -> v.equals(lit);
            case NE -> !v.equals(lit);
            case LIKE -> like(lit, false).matcher(v).matches();
            case ILIKE -> like(lit, true).matcher(v).matches();
            default -> compare(v, lit, c.op());
        };
    }

    private static boolean compare(String v, String lit, CompareOp op) {
        int cmp;
        try {
            cmp = Double.compare(Double.parseDouble(v), Double.parseDouble(lit));
        } catch (NumberFormatException ex) {
            cmp = v.compareTo(lit);
        }
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static Pattern like(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE : 0));
    }

    /** INVALID_PARAMETER_VALUE for a field a search of {@code what} cannot filter on. */
    static ApiException unsupported(Field f, String what) {
        return ApiException.invalid("Invalid filter: " + what + " can be searched by "
                + (what.equals("model versions") ? "name, run_id and tags" : "name and tags")
                + ", not by " + describe(f) + ".");
    }

    private static String describe(Field f) {
        if (f instanceof Field.Attr a) {
            return a.attribute().name().toLowerCase(Locale.ROOT);
        }
        return f.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "s";
    }
}
