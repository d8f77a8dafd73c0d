package dev.cairn.store.query;

/** One parsed order-by clause: what to sort by and in which direction. */
public record OrderKey(Field field, boolean descending) {
}
