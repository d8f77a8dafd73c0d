package dev.cairn.viewer.monitoring;

import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.GoLiveMarks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the monitoring view shows for one model version, read in one background job.
 *
 * @param model   the registered model
 * @param version the version whose batches these are
 * @param stage   that version's stage
 * @param batches its batches with their performance, oldest first
 * @param rules   the model's alert rules that apply to this version
 * @param alerts  the alerts raised on this version's batches
 * @param events  when a version started serving (promotions to Production, rollbacks), oldest first (marked on the
 *                time axis, with the alerts at their batch's time)
 */
public record MonitoringSnapshot(String model, int version, Stage stage, List<MonitoredBatch> batches,
                                 List<AlertRule> rules, List<Alert> alerts, List<GoLiveMarks.Mark> events) {
    public MonitoringSnapshot {
        batches = List.copyOf(batches);
        rules = List.copyOf(rules);
        alerts = List.copyOf(alerts);
        events = List.copyOf(events);
    }

    /** The metric names of the first labelled batch, in their fixed order. */
    public List<String> metrics() {
        return batches.stream().flatMap(b -> b.performance().stream()).findFirst()
                .map(p -> List.copyOf(p.primary().overall().metrics().keySet())).orElse(List.of());
    }

    /** Every segment column seen in any batch. */
    public List<String> segments() {
        Set<String> out = new LinkedHashSet<>();
        batches.forEach(b -> b.performance().ifPresent(p -> out.addAll(p.primary().slices().keySet())));
        return List.copyOf(out);
    }

    /** Every challenger version scored in any batch, ascending. */
    public List<Integer> challengers() {
        Set<Integer> out = new java.util.TreeSet<>();
        batches.forEach(b -> b.performance().ifPresent(p -> p.predictors().stream().skip(1)
                .forEach(x -> out.add(x.version()))));
        return List.copyOf(out);
    }

    /** The newest batch that has performance figures. */
    public Optional<MonitoredBatch> latestLabelled() {
        for (int i = batches.size() - 1; i >= 0; i--) {
            if (batches.get(i).performance().isPresent()) {
                return Optional.of(batches.get(i));
            }
        }
        return Optional.empty();
    }

    /** The latest paired test against {@code challenger}, with both versions' performance on that batch. */
    public Optional<Duel> latestDuel(int challenger) {
        return latestLabelled().flatMap(b -> {
            var p = b.performance().get();
            Optional<PredictorPerformance> other = p.of(challenger);
            Optional<PairedTest> test = p.comparisons().stream().filter(t -> t.challenger() == challenger).findFirst();
            return other.isEmpty() || test.isEmpty() ? Optional.empty()
                    : Optional.of(new Duel(b, p.primary(), other.get(), test.get()));
        });
    }

    /** Champion and challenger on one batch. */
    public record Duel(MonitoredBatch batch, PredictorPerformance champion, PredictorPerformance challenger,
                       PairedTest test) {
    }
}
