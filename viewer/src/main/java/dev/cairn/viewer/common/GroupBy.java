package dev.cairn.viewer.common;

import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.RunDetails;

import java.util.Objects;

/**
 * Grouping of runs by the value of one param or tag (the runs table's groups, the compare charts' aggregated
 * lines). Its {@link #id()} ("param:lr", "tag:team") is what settings remember.
 */
public record GroupBy(Kind kind, String key) {
    /** The group of runs lacking the key (in the compare charts). */
    public static final String NONE = "(none)";

    /** Where the grouping value comes from. */
    public enum Kind { PARAM, TAG }

    public GroupBy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static GroupBy param(String key) {
        return new GroupBy(Kind.PARAM, key);
    }

    public static GroupBy tag(String key) {
        return new GroupBy(Kind.TAG, key);
    }

    /** Stable id for settings. */
    public String id() {
        return (kind == Kind.PARAM ? "param:" : "tag:") + key;
    }

    /** Parses an {@link #id()}; null for blank, "none" or anything else. */
    public static GroupBy parse(String id) {
        if (id == null) {
            return null;
        }
        if (id.startsWith("param:") && id.length() > 6) {
            return param(id.substring(6));
        }
        if (id.startsWith("tag:") && id.length() > 4) {
            return tag(id.substring(4));
        }
        return null;
    }

    /** What the group header and the picker show: "lr" for a param, "#team" for a tag. */
    public String label() {
        return kind == Kind.PARAM ? key : "#" + key;
    }

    /** The run's raw value, or null when it has none. */
    public String value(RunDetails details) {
        return kind == Kind.PARAM ? details.params().get(key) : details.tags().get(key);
    }

    /** The run's raw value, or {@link #NONE} when it has none. */
    public String valueOf(RunDetails details) {
        String v = value(details);
        return v == null ? NONE : v;
    }

    /** "param lr", "tag team". */
    @Override
    public String toString() {
        return (kind == Kind.PARAM ? "param " : "tag ") + key;
    }

    /** The value as the groups are ordered: numbers numerically, then text, then missing values. */
    public static Object orderValue(String raw) {
        if (raw == null) {
            return null;
        }
        Double n = ParamValue.parseNumber(raw);
        return n != null ? n : raw;
    }
}
