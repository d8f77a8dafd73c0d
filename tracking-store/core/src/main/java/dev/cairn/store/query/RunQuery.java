package dev.cairn.store.query;

import java.util.List;
import java.util.Objects;

/**
 * A run search: which experiments (by name; empty = all), a filter in the store's filter language (null or blank =
 * none), order-by clauses (e.g. {@code "metrics.loss.min ASC"}, {@code "params.lr DESC"},
 * {@code "attributes.start_time DESC"}), whether deleted runs (and runs of deleted experiments) are included, the
 * page size, and the token of the page to continue from (null = first page).
 */
public record RunQuery(List<String> experiments, String filter, List<String> orderBy, boolean includeDeleted,
                       int pageSize, String pageToken) {

    public RunQuery {
        experiments = List.copyOf(experiments);
        orderBy = List.copyOf(orderBy);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }

    /** Every active run, newest first, in pages of 1,000. */
    public static RunQuery all() {
        return new RunQuery(List.of(), null, List.of(), false, 1000, null);
    }

    public RunQuery inExperiments(List<String> names) {
        return new RunQuery(names, filter, orderBy, includeDeleted, pageSize, pageToken);
    }

    public RunQuery withFilter(String newFilter) {
        return new RunQuery(experiments, newFilter, orderBy, includeDeleted, pageSize, pageToken);
    }

    public RunQuery orderedBy(List<String> clauses) {
        return new RunQuery(experiments, filter, clauses, includeDeleted, pageSize, pageToken);
    }

    public RunQuery includingDeleted(boolean include) {
        return new RunQuery(experiments, filter, orderBy, include, pageSize, pageToken);
    }

    public RunQuery withPageSize(int size) {
        return new RunQuery(experiments, filter, orderBy, includeDeleted, size, pageToken);
    }

    public RunQuery after(String token) {
        return new RunQuery(experiments, filter, orderBy, includeDeleted, pageSize, token);
    }

    public boolean hasFilter() {
        return filter != null && !filter.isBlank();
    }

    @Override
    public String toString() {
        return "RunQuery" + Objects.toString(experiments) + " filter=" + filter + " order=" + orderBy;
    }
}
