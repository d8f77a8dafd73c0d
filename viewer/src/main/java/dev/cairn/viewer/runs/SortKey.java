package dev.cairn.viewer.runs;

import dev.cairn.store.model.RunDetails;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of the table's sort order: how to read a run's value for it, how values compare, and the direction.
 *
 * @param value      reads the value from a run (may return null)
 * @param order      compares two values (nulls included)
 * @param descending true for a descending sort
 */
public record SortKey(Function<RunDetails, ?> value, Comparator<Object> order, boolean descending) {
    public SortKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(order, "order");
    }

    /** Sorts by {@code value} with {@link CellValues#ORDER}. */
    public static SortKey of(Function<RunDetails, ?> value, boolean descending) {
        return new SortKey(value, CellValues.ORDER, descending);
    }
}
