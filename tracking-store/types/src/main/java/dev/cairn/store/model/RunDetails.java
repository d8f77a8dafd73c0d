package dev.cairn.store.model;

import java.util.Map;

/** A run with its params, tags and metric summaries, as read in bulk for tables and exports. */
public record RunDetails(Run run, Map<String, String> params, Map<String, String> tags,
                         Map<String, MetricSummary> metrics) {
}
