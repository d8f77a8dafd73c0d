package dev.cairn.viewer.runs;

import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.Formats;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-chosen column of the runs table: a param, a tag, or one aggregate (last, min, max) of a metric. Its
 * {@link #id()} ("param:lr", "metric:loss:min", "tag:team") is what settings remember.
 */
public record ColumnSpec(Kind kind, String key, MetricAggregate aggregate) {

    /** What a column shows. */
    public enum Kind { PARAM, METRIC, TAG }

    public ColumnSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (kind == Kind.METRIC && aggregate == null) {
            aggregate = MetricAggregate.LAST;
        }
        if (kind != Kind.METRIC) {
            aggregate = null;
        }
    }

    public static ColumnSpec param(String key) {
        return new ColumnSpec(Kind.PARAM, key, null);
    }

    public static ColumnSpec metric(String key, MetricAggregate aggregate) {
        return new ColumnSpec(Kind.METRIC, key, aggregate);
    }

    public static ColumnSpec tag(String key) {
        return new ColumnSpec(Kind.TAG, key, null);
    }

    /** Stable id for settings. */
    public String id() {
        return switch (kind) {
            case PARAM -> "param:" + key;
            case TAG -> "tag:" + key;
            case METRIC -> "metric:" + aggregate.label() + ":" + key;
        };
    }

    /** Parses an {@link #id()}; null when it is not one (old or hand-edited settings). */
    public static ColumnSpec parse(String id) {
        if (id == null) {
            return null;
        }
        if (id.startsWith("param:") && id.length() > 6) {
            return param(id.substring(6));
        }
        if (id.startsWith("tag:") && id.length() > 4) {
            return tag(id.substring(4));
        }
        if (id.startsWith("metric:")) {
            String rest = id.substring(7);
            int colon = rest.indexOf(':');
            if (colon > 0 && colon < rest.length() - 1) {
                try {
                    MetricAggregate agg = MetricAggregate.valueOf(rest.substring(0, colon).toUpperCase(Locale.ROOT));
                    return metric(rest.substring(colon + 1), agg);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** What the store's run search orders this column by, or null when it cannot (see SortKey#storeName). */
    public String storeName() {
        return switch (kind) {
            case PARAM -> SortKey.storeName("params", key, null);
            case TAG -> SortKey.storeName("tags", key, null);
            case METRIC -> SortKey.storeName("metrics", key, aggregate.label());
        };
    }

    /** Column header: "lr", "loss · min", "#team". */
    public String header() {
        return switch (kind) {
            case PARAM -> key;
            case TAG -> "#" + key;
            case METRIC -> key + " · " + aggregate.label();
        };
    }

    /** What the chooser lists: "param lr", "metric loss (min)", "tag team". */
    public String description() {
        return switch (kind) {
            case PARAM -> "param  " + key;
            case TAG -> "tag  " + key;
            case METRIC -> "metric  " + key + " (" + aggregate.label() + ")";
        };
    }

    /** The cell value: a Double for numbers, a String otherwise, null when the run has none. */
    public Object value(RunDetails details) {
        if (details == null) {
            return null;
        }
        switch (kind) {
            case PARAM: {
                String raw = details.params().get(key);
                if (raw == null) {
                    return null;
                }
                Double n = ParamValue.parseNumber(raw);
                return n != null ? n : raw;
            }
            case TAG:
                return details.tags().get(key);
            default: {
                MetricSummary s = details.metrics().get(key);
                return s == null ? null : s.get(aggregate);
            }
        }
    }

    /** The text a cell shows: params and tags as logged, metric numbers short. */
    public String text(RunDetails details) {
        if (details == null) {
            return "";
        }
        return switch (kind) {
            case PARAM -> Objects.toString(details.params().get(key), "");
            case TAG -> Objects.toString(details.tags().get(key), "");
            case METRIC -> {
                MetricSummary s = details.metrics().get(key);
                yield s == null ? "" : Formats.number(s.get(aggregate));
            }
        };
    }
}
