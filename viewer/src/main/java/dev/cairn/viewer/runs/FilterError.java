package dev.cairn.viewer.runs;

import dev.cairn.store.query.FilterSyntaxException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a filter was refused, and at which column (0-based; -1 when unknown) of the filter text.
 * {@link #from(Throwable)} adapts the store's {@link FilterSyntaxException} (1-based {@code column()}).
 */
public record FilterError(String message, int column) {
    private static final Pattern COLUMN = Pattern.compile("(?i)\\bcolumn\\s+(\\d+)");

    /** The user-facing error for a failed search; the column is 1-based in messages, 0-based here. */
    public static FilterError from(Throwable failure) {
        if (failure instanceof FilterSyntaxException syntax) {
            return new FilterError(syntax.getMessage(), Math.max(0, syntax.column() - 1));
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Matcher m = COLUMN.matcher(message);
        int column = -1;
        if (m.find()) {
            try {
                column = Math.max(0, Integer.parseInt(m.group(1)) - 1);
            } catch (NumberFormatException e) {
                column = -1;
            }
        }
        return new FilterError(message, column);
    }
}
