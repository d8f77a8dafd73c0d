package dev.cairn.viewer.runs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a filter was refused, and at which column (0-based; -1 when unknown) of the filter text.
 * {@link #from(Throwable)} adapts the store's exceptions: it reads a "column N" from the message until the query
 * language's syntax exception (with a {@code column()} accessor) is on this branch.
 */
public record FilterError(String message, int column) {
    private static final Pattern COLUMN = Pattern.compile("(?i)\\bcolumn\\s+(\\d+)");

    /** The user-facing error for a failed search; the column is 1-based in messages, 0-based here. */
    public static FilterError from(Throwable failure) {
        if (failure instanceof UnsupportedOperationException) {
            return new FilterError("Filtering and store-side ordering are not available in this build yet.", -1);
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
