package dev.cairn.viewer.hparams;

import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;

import java.util.Objects;

/**
 * What the analysis explains: one metric, reduced per run by an aggregate (last / min / max), and whether lower
 * or higher is better.
 */
public record Target(String metric, MetricAggregate aggregate, Goal goal) {

    public Target {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(goal, "goal");
    }

    /** The run's value of this target, NaN when the run did not log the metric. */
    public double valueOf(RunDetails details) {
        MetricSummary summary = details.metrics().get(metric);
        return summary == null ? Double.NaN : summary.get(aggregate);
    }

    /** E.g. "val/accuracy (max)". */
    public String label() {
        return metric + " (" + aggregate.label() + ")";
    }
}
