package dev.cairn.plugin.drift;

/**
 * The logical kind of a column, as far as drift statistics care.
 *
 * <p>{@link #NUMERIC} and {@link #DATETIME} columns are carried as raw {@code double} values
 * (date-times as epoch-based numbers); {@link #CATEGORICAL} and {@link #BOOLEAN} columns are
 * carried as value counts.
 */
public enum ColumnKind {
    /** Real or integer numbers. */
    NUMERIC,
    /** Labels from a finite set, compared by equality only. */
    CATEGORICAL,
    /** Two-valued labels; treated like a categorical column with at most two categories. */
    BOOLEAN,
    /** Instants, carried as numbers (for example epoch milliseconds). */
    DATETIME;

    /** @return true when samples of this kind carry raw numeric values rather than counts */
    public boolean isNumeric() {
        return this == NUMERIC || this == DATETIME;
    }
}
