package dev.cairn.app.monitoring;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.RuleKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates a model's alert rules on a batch of a version and records an alert (once per rule and batch) for each
 * rule that held for its number of consecutive batches. Metric and slice-gap rules read the performance stored
 * with the batches; drift-share rules test only the batches they look at (only when such a rule exists).
 */
public final class RuleEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);

    private final TrackingStore store;
    private final Supplier<DriftReports> drift;

    /** A rule that holds on the evaluated batch, with the batch's value. */
    public record Firing(AlertRule rule, double value, Alert alert) {
    }

    /**
     * What one evaluation found.
     *
     * @param batchTime  the evaluated batch
     * @param labelled   whether any batch of the version up to it had a label (and so performance)
     * @param firing     the rules that hold on it (with the alert, new or recorded before)
     * @param raised     the alerts recorded by this evaluation
     * @param problems   rules that could not be evaluated, one line each (for example no reference for drift)
     */
    public record Evaluation(Instant batchTime, boolean labelled, List<Firing> firing, List<Alert> raised,
                             List<String> problems) {
    }

    /**
     * A rule just stored and what it found on the newest batch of each version it watches.
     *
     * @param rule  the stored rule (with its id)
     * @param lines one line per version with a batch ("Holds on the newest batch of v2 (...): accuracy is 0.41 —
     *              alert recorded."), or one line saying it waits for the first batch; plus problems
     */
    public record Added(AlertRule rule, List<String> lines) {
    }

    public RuleEvaluator(TrackingStore store, Supplier<DriftReports> drift) {
        this.store = store;
        this.drift = drift;
    }

    /**
     * Stores a new rule and evaluates the model's rules on the newest batch of each version the rule watches, so
     * whoever added it sees at once whether it holds; an alert it raises is the one the next {@code monitor check}
     * would raise. Older batches are not evaluated (ADR 0011, amendment): their alerts would all be undelivered
     * retraining triggers. The CLI's {@code monitor rule add} and the window's rules pane both add rules here.
     */
    public Added add(AlertRule rule) {
        AlertRule stored = store.monitoring().addRule(rule);
        List<Integer> versions = stored.version() != null ? List.of(stored.version())
                : store.registry().versions(stored.model()).stream().map(v -> v.version()).toList();
        List<String> lines = new ArrayList<>();
        for (int v : versions) {
            Optional<Evaluation> found = evaluateLatest(stored.model(), v);
            if (found.isEmpty()) {
                continue;
            }
            Evaluation e = found.get();
            e.problems().forEach(lines::add);
            Optional<Firing> mine = e.firing().stream().filter(f -> f.rule().id() == stored.id()).findFirst();
            lines.add(mine.map(f -> String.format(Locale.ROOT, "Holds on the newest batch of v%d (%s): %s — alert %s.",
                            v, e.batchTime(), f.alert().message().replaceFirst(" on batch \\S+ \\(rule .*$", ""),
                            e.raised().contains(f.alert()) ? "recorded" : "already recorded"))
                    .orElse(String.format(Locale.ROOT, "Does not hold on the newest batch of v%d (%s).", v,
                            e.batchTime())));
        }
        if (lines.isEmpty()) {
            lines.add("No batch yet: the rule is evaluated on each new batch.");
        }
        return new Added(stored, List.copyOf(lines));
    }

    /** Evaluates the newest batch of {@code version}; empty when it has no batch. */
    public Optional<Evaluation> evaluateLatest(String model, int version) {
        return evaluateUpTo(model, version, null);
    }

    /** Evaluates the batch of {@code version} at {@code time}. */
    public Evaluation evaluate(String model, int version, Instant time) {
        Evaluation e = evaluateUpTo(model, version, time).orElse(null);
        if (e == null || !e.batchTime().equals(time)) {
            throw new NotFoundException("Model '" + model + "' version " + version + " has no batch at " + time + ".");
        }
        return e;
    }

    /**
     * Reads only the batches the rules look at: the newest at or before {@code upTo} and the ones before it that
     * the largest "for N batches" needs.
     */
    private Optional<Evaluation> evaluateUpTo(String model, int version, Instant upTo) {
        List<AlertRule> rules = store.monitoring().rules(model).stream()
                .filter(r -> r.version() == null || r.version() == version).toList();
        int window = rules.stream().mapToInt(AlertRule::forBatches).max().orElse(1);
        List<MonitoredBatch> batches = store.monitoring().batches(model, version, upTo, window);
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        boolean labelled = batches.stream().anyMatch(b -> b.performance().isPresent())
                || store.monitoring().batches(model, version).stream().anyMatch(b -> b.performance().isPresent()
                        && (upTo == null || !b.time().isAfter(upTo)));
        return Optional.of(evaluate(model, version, rules, batches, batches.size() - 1, labelled));
    }

    private Evaluation evaluate(String model, int version, List<AlertRule> rules, List<MonitoredBatch> batches,
                                int index, boolean labelled) {
        Map<Instant, Double> shares = new HashMap<>();
        List<String> problems = new ArrayList<>();
        if (rules.stream().anyMatch(r -> r.kind() == RuleKind.DRIFT_SHARE)) {
            try {
                int window = rules.stream().filter(r -> r.kind() == RuleKind.DRIFT_SHARE)
                        .mapToInt(AlertRule::forBatches).max().orElse(1);
                shares.putAll(drift.get().shares(store, model, version, batches.get(index).time(), window));
            } catch (NotFoundException e) {
                problems.add("drift-share rules skipped: " + e.getMessage());
                LOG.warn("drift-share rules of {} v{} skipped: {}", model, version, e.getMessage());
            }
        }
        Map<String, Alert> known = null;
        MonitoredBatch batch = batches.get(index);
        List<Firing> firing = new ArrayList<>();
        List<Alert> raised = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (index + 1 < rule.forBatches()) {
                continue;
            }
            boolean holds = true;
            double value = Double.NaN;
            for (int j = index - rule.forBatches() + 1; j <= index && holds; j++) {
                value = value(rule, batches.get(j), shares);
                holds = rule.breaks(value);
            }
            if (!holds) {
                continue;
            }
            if (known == null) {
                known = new HashMap<>();
                for (Alert a : store.monitoring().alerts(model)) {
                    known.put(a.ruleId() + "/" + a.version() + "/" + a.batchTime(), a);
                }
            }
            Alert alert = known.get(rule.id() + "/" + version + "/" + batch.time());
            if (alert == null) {
                Optional<Alert> mine = store.monitoring().raise(rule, version, batch.time(), value,
                        message(rule, value, batch.time()));
                if (mine.isPresent()) {
                    alert = mine.get();
                    raised.add(alert);
                } else { // another process (a watch, a check) recorded it since we looked
                    alert = store.monitoring().alerts(model).stream().filter(a -> a.ruleId() == rule.id()
                            && a.version() == version && a.batchTime().equals(batch.time())).findFirst().orElseThrow();
                }
            }
            firing.add(new Firing(rule, value, alert));
        }
        return new Evaluation(batch.time(), labelled, firing, raised, problems);
    }

    /** The value a rule watches on one batch; NaN when the batch does not have it. */
    static double value(AlertRule rule, MonitoredBatch batch, Map<Instant, Double> driftShares) {
        if (rule.kind() == RuleKind.DRIFT_SHARE) {
            return driftShares.getOrDefault(batch.time(), Double.NaN);
        }
        if (batch.performance().isEmpty()) {
            return Double.NaN;
        }
        BatchPerformance p = batch.performance().get();
        if (rule.kind() == RuleKind.METRIC) {
            return p.primary().overall().metric(rule.metric()).orElse(Double.NaN);
        }
        Map<String, Map<String, Double>> gaps = p.primary().sliceGaps();
        if (rule.segment() != null) {
            return gaps.getOrDefault(rule.segment(), Map.of()).getOrDefault(rule.metric(), Double.NaN);
        }
        return gaps.values().stream().map(g -> g.get(rule.metric())).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String message(AlertRule rule, double value, Instant batch) {
        return String.format(Locale.ROOT, "%s is %.4g on batch %s (rule %d: %s)", switch (rule.kind()) {
            case METRIC -> rule.metric();
            case DRIFT_SHARE -> "drift share";
            case SLICE_GAP -> "slice gap of " + rule.metric() + (rule.segment() == null ? "" : " over " + rule.segment());
        }, value, batch, rule.id(), rule.describe());
    }
}
