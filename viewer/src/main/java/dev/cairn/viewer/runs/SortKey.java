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
 * @param storeName  the name the store's run search orders by ({@code "params.lr"}, {@code "metrics.loss.min"},
 *                   {@code "attributes.start_time"}); null when the store cannot order by it
 */
public record SortKey(Function<RunDetails, ?> value, Comparator<Object> order, boolean descending,
                      String storeName) {
    public SortKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(order, "order");
    }

    /** A sort key the store cannot order by (the table sorts the loaded rows only). */
    public SortKey(Function<RunDetails, ?> value, Comparator<Object> order, boolean descending) {
        this(value, order, descending, null);
    }

    /** The store's order-by clause ("params.lr DESC"), or null. */
    public String storeClause() {
        return storeName == null ? null : storeName + (descending ? " DESC" : " ASC");
    }

    /** This key in the other direction, or the same direction. */
    public SortKey withDescending(boolean desc) {
        return new SortKey(value, order, desc, storeName);
    }

    /**
     * The store name of a param, tag or metric key: {@code kind.key} when the key is plain (letters, digits,
     * {@code _ . / -}, not ending in an aggregate name), else null.
     */
    public static String storeName(String kind, String key, String aggregate) {
        if (!key.matches("[A-Za-z0-9_./-]+") || key.matches(".*\\.(min|max|last)$")) {
            return null;
        }
        return kind + "." + key + (aggregate == null ? "" : "." + aggregate);
    }

    /** Sorts by {@code value} with {@link CellValues#ORDER}. */
    public static SortKey of(Function<RunDetails, ?> value, boolean descending) {
        return new SortKey(value, CellValues.ORDER, descending);
    }
}
