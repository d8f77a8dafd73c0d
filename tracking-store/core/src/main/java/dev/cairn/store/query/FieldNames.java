package dev.cairn.store.query;

import dev.cairn.store.model.MetricAggregate;

import java.util.Locale;

/**
 * Reads a name token as a {@link Field}. The part before the first dot is the kind ({@code metrics}/{@code metric},
 * {@code params}/{@code param}/{@code parameters}/{@code parameter}, {@code tags}/{@code tag},
 * {@code attributes}/{@code attribute}/{@code attr}/{@code run}, {@code datasets}/{@code dataset}); the rest is the
 * key. A name without a dot is an attribute. For metrics, an unquoted key whose last dot-segment is {@code min},
 * {@code max} or {@code last} selects that aggregate ({@code metrics.val.acc.max} is the max of {@code val.acc});
 * a quoted key is taken whole and may be followed by {@code .min}/{@code .max}/{@code .last}.
 */
public final class FieldNames {
    private FieldNames() {
    }

    static Field resolve(Token t) {
        if (t.key() == null) {
            return attribute(t, t.text());
        }
        String kind = t.text().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "metric", "metrics" -> metric(t);
            case "param", "params", "parameter", "parameters" -> new Field.Param(plainKey(t));
            case "tag", "tags" -> new Field.Tag(plainKey(t));
            case "attribute", "attributes", "attr", "run" -> attribute(t, plainKey(t));
            case "dataset", "datasets" -> dataset(t, plainKey(t));
            default -> throw new FilterSyntaxException(t.column(), "unknown name '" + t.source()
                    + "': expected metrics.<key>, params.<key>, tags.<key>, attributes.<name> or datasets.<name>");
        };
    }

    private static Field metric(Token t) {
        String key = t.key();
        if (t.quotedKey()) {
            return new Field.Metric(key, t.suffix() == null ? MetricAggregate.LAST : aggregate(t, t.suffix()));
        }
        int dot = key.lastIndexOf('.');
        if (dot > 0 && dot < key.length() - 1) {
            String last = key.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (last.equals("min") || last.equals("max") || last.equals("last")) {
                return new Field.Metric(key.substring(0, dot), aggregate(t, last));
            }
        }
        return new Field.Metric(key, MetricAggregate.LAST);
    }

    private static MetricAggregate aggregate(Token t, String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "min" -> MetricAggregate.MIN;
            case "max" -> MetricAggregate.MAX;
            case "last" -> MetricAggregate.LAST;
            default -> throw new FilterSyntaxException(t.column(), "unknown metric aggregate '." + suffix + "' in '"
                    + t.source() + "': expected .min, .max or .last");
        };
    }

    private static String plainKey(Token t) {
        if (t.suffix() != null) {
            throw new FilterSyntaxException(t.column(), "'" + t.source()
                    + "': only metrics take an aggregate suffix (.min, .max, .last)");
        }
        if (t.key().isEmpty()) {
            throw new FilterSyntaxException(t.column(), "'" + t.source() + "': the key is empty");
        }
        return t.key();
    }

    private static Field attribute(Token t, String name) {
        return Attribute.byName(name).map(a -> (Field) new Field.Attr(a)).orElseThrow(() ->
                new FilterSyntaxException(t.column(), "unknown attribute '" + name + "'; valid attributes: "
                        + Attribute.validNames()));
    }

    private static Field dataset(Token t, String name) {
        return DatasetColumn.byName(name).map(c -> (Field) new Field.Dataset(c)).orElseThrow(() ->
                new FilterSyntaxException(t.column(), "unknown dataset field '" + name
                        + "'; valid: name, digest, context"));
    }

    /** How a field is named in messages. */
    static String describe(Field f) {
        if (f instanceof Field.Metric m) {
            return "metrics." + m.key() + (m.aggregate() == MetricAggregate.LAST ? "" : "." + m.aggregate().label());
        }
        if (f instanceof Field.Param p) {
            return "params." + p.key();
        }
        if (f instanceof Field.Tag t) {
            return "tags." + t.key();
        }
        if (f instanceof Field.Attr a) {
            return "attributes." + a.attribute().canonicalName();
        }
        return "datasets." + ((Field.Dataset) f).column().name().toLowerCase(Locale.ROOT);
    }
}
