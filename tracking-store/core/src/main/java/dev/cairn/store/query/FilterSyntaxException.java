package dev.cairn.store.query;

import dev.cairn.store.model.StoreException;

/**
 * A filter or order-by clause could not be read. The message names the 1-based column and what was expected there,
 * e.g. {@code column 14: expected a comparison operator (=, !=, ...) after 'metrics.acc'}.
 */
public final class FilterSyntaxException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String detail;

    public FilterSyntaxException(int column, String detail) {
        super("column " + column + ": " + detail);
        this.column = column;
        this.detail = detail;
    }

    /** What was expected, without the column prefix. */
    public String detail() {
        return detail;
    }

    /** The 1-based column of the text where reading failed. */
    public int column() {
        return column;
    }
}
