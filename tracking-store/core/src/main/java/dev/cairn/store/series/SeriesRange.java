package dev.cairn.store.series;

import java.util.Objects;

/**
 * A closed range on an axis: steps or epoch milliseconds, both ends inclusive.
 */
public record SeriesRange(SeriesAxis axis, long from, long to) {

    public SeriesRange {
        Objects.requireNonNull(axis, "axis");
        if (from > to) {
            throw new IllegalArgumentException("empty range: " + from + " > " + to);
        }
    }

    /** Every point. */
    public static SeriesRange all() {
        return new SeriesRange(SeriesAxis.STEP, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static SeriesRange steps(long from, long to) {
        return new SeriesRange(SeriesAxis.STEP, from, to);
    }

    public static SeriesRange time(long fromMs, long toMs) {
        return new SeriesRange(SeriesAxis.TIME, fromMs, toMs);
    }

    public boolean isAll() {
        return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
    }

    public boolean contains(long step, long timestamp) {
        long x = axis == SeriesAxis.STEP ? step : timestamp;
        return x >= from && x <= to;
    }
}
