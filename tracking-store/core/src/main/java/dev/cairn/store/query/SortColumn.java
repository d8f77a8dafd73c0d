package dev.cairn.store.query;

/**
 * One column of the total sort order: a fixed SQL expression, its direction, and whether it can be NULL (NULLs —
 * missing keys, NaN metrics — sort last in both directions).
 */
public record SortColumn(String expression, boolean descending, boolean nullable) {
}
