package dev.cairn.store.drift;

import java.util.Locale;

/** The type of a dataset column: decides how it is profiled, sampled and tested for drift. */
public enum ColumnType {
    /** Real or integer numbers; sampled as raw doubles. */
    NUMERIC,
    /** Labels compared by equality; profiled as value counts. */
    CATEGORICAL,
    /** true/false; profiled as value counts of "true" and "false". */
    BOOLEAN,
    /** ISO-8601 dates or date-times; sampled as epoch milliseconds. */
    DATETIME;

    /** True when values are carried as numbers (numeric and date-time columns). */
    public boolean isNumeric() {
        return this == NUMERIC || this == DATETIME;
    }

    /** Lower-case name as stored and printed ("numeric"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a type name case-insensitively; the message lists the valid names. */
    public static ColumnType parse(String text) {
        for (ColumnType t : values()) {
            if (t.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + text
                + "' (expected numeric, categorical, boolean or datetime)");
    }
}
