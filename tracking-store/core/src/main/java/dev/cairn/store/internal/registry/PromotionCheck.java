package dev.cairn.store.internal.registry;

import dev.cairn.store.Runs;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.PromotionRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a model's {@link PromotionRule} to a promotion to Production: compares the candidate's source-run
 * metric (last value) with each version now in Production.
 */
final class PromotionCheck {
    private PromotionCheck() {
    }

    /** Why the promotion breaks the rule, or empty when it does not (or there is no rule). */
    static Optional<String> violation(PromotionRule rule, ModelVersion candidate, List<ModelVersion> current,
                                      Runs runs) {
        if (rule == null || current.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        ids.add(candidate.runId());
        current.forEach(v -> ids.add(v.runId()));
        ids.removeIf(java.util.Objects::isNull);
        Map<String, RunDetails> details = runs.details(ids);
        double candidateValue = metric(details, candidate, rule);
        for (ModelVersion holder : current) {
            double currentValue = metric(details, holder, rule);
            if (rule.isWorse(candidateValue, currentValue)) {
                return Optional.of("version " + candidate.version() + " has " + rule.metric() + " = "
                        + format(candidateValue) + ", worse than Production version " + holder.version() + " ("
                        + format(currentValue) + "); the rule of " + candidate.model() + " wants "
                        + (rule.goal() == PromotionRule.Goal.MIN ? "lower" : "higher") + " " + rule.metric());
            }
        }
        return Optional.empty();
    }

    private static double metric(Map<String, RunDetails> details, ModelVersion v, PromotionRule rule) {
        RunDetails d = v.runId() == null ? null : details.get(v.runId());
        MetricSummary s = d == null ? null : d.metrics().get(rule.metric());
        return s == null ? Double.NaN : s.last();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "none" : String.valueOf(value);
    }
}
