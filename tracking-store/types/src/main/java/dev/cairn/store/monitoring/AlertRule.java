package dev.cairn.store.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A condition on each new batch of a model (or of one version) that raises an alert when it holds for
 * {@code forBatches} consecutive batches.
 *
 * @param id         the rule's id in the store (0 before it is stored)
 * @param model      the registered model
 * @param version    the version it watches, or null for every version
 * @param kind       what it watches
 * @param metric     the metric (METRIC and SLICE_GAP rules), else null
 * @param segment    the segment (SLICE_GAP rules; null = the largest gap of any segment), else null
 * @param below      true: alert when the value is below the threshold; false: above
 * @param threshold  the threshold
 * @param forBatches how many consecutive batches the condition must hold (at least 1)
 */
public record AlertRule(long id, String model, Integer version, RuleKind kind, String metric, String segment,
                        boolean below, double threshold, int forBatches) {
    /** The metrics a rule may watch, in the order forms list them (classification, then regression). */
    public static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "rocAuc", "logLoss",
            "mae", "rmse", "r2");
    /** What a {@link RuleKind#SLICE_GAP} rule may watch besides {@link #METRICS}. */
    public static final List<String> GAPS = List.of(PredictorPerformance.DEMOGRAPHIC_PARITY,
            PredictorPerformance.EQUAL_OPPORTUNITY);

    /** The metric names a rule of {@code kind} may watch (none for drift share). */
    public static List<String> metrics(RuleKind kind) {
        return switch (kind) {
            case METRIC -> METRICS;
            case DRIFT_SHARE -> List.of();
            case SLICE_GAP -> java.util.stream.Stream.concat(METRICS.stream(), GAPS.stream()).toList();
        };
    }

    /**
     * Why {@code metric} does not fit a rule of {@code kind}, in one line ("unknown metric 'acuracy' (known: ...)"),
     * or empty when it does. The CLI and the window check a new rule with it before storing it.
     */
    public static Optional<String> metricProblem(RuleKind kind, String metric) {
        if (kind == RuleKind.DRIFT_SHARE) {
            return metric == null ? Optional.empty() : Optional.of("a drift-share rule takes no metric");
        }
        if (metric == null || metric.isBlank()) {
            return Optional.of("a metric is required (for example accuracy)");
        }
        if (metrics(kind).contains(metric)) {
            return Optional.empty();
        }
        return Optional.of("unknown metric '" + metric + "' (known: " + String.join(", ", new TreeSet<>(METRICS))
                + (kind == RuleKind.SLICE_GAP ? ", " + String.join(", ", GAPS) : "") + ")");
    }

    public AlertRule {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        if (forBatches < 1) {
            throw new IllegalArgumentException("--for must be at least 1, was " + forBatches);
        }
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the threshold must be a finite number");
        }
        if (kind != RuleKind.DRIFT_SHARE && (metric == null || metric.isBlank())) {
            throw new IllegalArgumentException("a " + kind.label() + " rule needs a metric");
        }
    }

    /** Whether {@code value} breaks the threshold. */
    public boolean breaks(double value) {
        return !Double.isNaN(value) && (below ? value < threshold : value > threshold);
    }

    /** "accuracy below 0.8 for 2 batches", "drift share above 0.5", "slice gap of recall over region above 0.1". */
    public String describe() {
        String what = switch (kind) {
            case METRIC -> metric;
            case DRIFT_SHARE -> "drift share";
            case SLICE_GAP -> "slice gap of " + metric + (segment == null ? "" : " over " + segment);
        };
        return what + (below ? " below " : " above ") + String.format(Locale.ROOT, "%s", threshold)
                + (forBatches > 1 ? " for " + forBatches + " batches" : "")
                + (version == null ? "" : " (version " + version + ")");
    }
}
