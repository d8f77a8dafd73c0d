package dev.cairn.store.query;

import java.util.Locale;
import java.util.Optional;

/** Columns of a run's dataset inputs that a filter can name as {@code datasets.<column>} (as in MLflow). */
public enum DatasetColumn {
    NAME("d.name"), DIGEST("d.digest"), CONTEXT("d.context");

    private final String sql;

    DatasetColumn(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    static Optional<DatasetColumn> byName(String name) {
        for (DatasetColumn c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
