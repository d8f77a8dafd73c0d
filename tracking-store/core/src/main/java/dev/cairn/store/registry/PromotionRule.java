package dev.cairn.store.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * A model's promotion rule: a new Production version must not be worse than the current one on {@code metric}
 * (the last value of the source runs' metric), where better means lower ({@link Goal#MIN}) or higher
 * ({@link Goal#MAX}).
 */
public record PromotionRule(String metric, Goal goal) {

    /** Which direction of the metric is better. */
    public enum Goal {
        MIN, MAX;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses "min" or "max" case-insensitively. */
        public static Goal parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown goal '" + text + "' (expected min or max)");
            }
        }
    }

    public PromotionRule {
        Objects.requireNonNull(goal, "goal");
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("A promotion rule needs a metric name.");
        }
    }

    /** True when {@code candidate} is worse than {@code current} (NaN counts as worse than any number). */
    public boolean isWorse(double candidate, double current) {
        if (Double.isNaN(current)) {
            return false;
        }
        if (Double.isNaN(candidate)) {
            return true;
        }
        return goal == Goal.MIN ? candidate > current : candidate < current;
    }

    @Override
    public String toString() {
        return metric + " (" + goal.label() + ")";
    }
}
