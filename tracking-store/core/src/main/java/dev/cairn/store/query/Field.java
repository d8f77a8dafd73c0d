package dev.cairn.store.query;

import dev.cairn.store.model.MetricAggregate;

/** What a comparison or an order-by clause reads from a run. */
public sealed interface Field {

    /** A metric aggregate (the last value unless {@code .min}/{@code .max} was asked for). */
    record Metric(String key, MetricAggregate aggregate) implements Field {
    }

    /** A param: compared as text, or as a number when the literal is an unquoted number. */
    record Param(String key) implements Field {
    }

    /** A tag, compared as text. */
    record Tag(String key) implements Field {
    }

    /** A run attribute. */
    record Attr(Attribute attribute) implements Field {
    }

    /** A column of the run's dataset inputs (any input matching counts). */
    record Dataset(DatasetColumn column) implements Field {
    }

    /** True when the field compares as a number. */
    default boolean numeric() {
        return this instanceof Metric || this instanceof Attr a && a.attribute().numeric();
    }
}
