package dev.cairn.viewer.monitoring;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * State of the monitoring view for one model version: performance over time (overall, or per slice of one
 * segment on demand), the challengers scored beside it, rules and alerts, and the registry events marked on the
 * time axis. "Promote challenger" goes through the registry's promotion (and so the model's promotion rule) and
 * is recorded in its history. Store work goes through the {@link TaskRunner}.
 */
public final class MonitoringViewModel {
    /** The segment choice that means "the whole batch". */
    public static final String OVERALL = "Overall";
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringViewModel.class);

    private final TrackingStore store;
    private final TaskRunner runner;
    private final String user;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>();
    private final ObservableList<Integer> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> version = new SimpleObjectProperty<>();
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>();
    private final ObservableList<String> segments = FXCollections.observableArrayList(OVERALL);
    private final ObjectProperty<String> segment = new SimpleObjectProperty<>(OVERALL);
    private final ReadOnlyObjectWrapper<MonitoringSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Series>> series = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<String> ruleLines = FXCollections.observableArrayList();
    private final ObservableList<String> alertLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duel = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> challenger = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean opening;
    /** Whether the snapshot's batches carry their slices (read on demand: the overview is read without them). */
    private boolean sliced;

    /**
     * One line over time: {@code times} in epoch milliseconds, NaN where a batch has no value.
     *
     * @param name      legend name ("v2", "v3 (challenger)", "region=south")
     * @param challenger true for a challenger's line
     */
    public record Series(String name, long[] times, double[] values, boolean challenger) {
    }

    public MonitoringViewModel(TrackingStore store, TaskRunner runner, String user) {
        this.store = Objects.requireNonNull(store);
        this.runner = Objects.requireNonNull(runner);
        this.user = user;
        model.addListener((obs, was, now) -> {
            if (!opening && now != null) {
                open(now, null);
            }
        });
        version.addListener((obs, was, now) -> {
            if (!opening && now != null && model.get() != null) {
                open(model.get(), now);
            }
        });
        metric.addListener((obs, was, now) -> refreshSeries());
        segment.addListener((obs, was, now) -> {
            if (now != null && !OVERALL.equals(now) && snapshot.get() != null && !sliced) {
                loadSlices(snapshot.get());
            } else {
                refreshSeries();
            }
        });
    }

    /** Lists the registered models; opens the first one with labelled batches when none is open. */
    public void reload() {
        runner.submit("Loading models", () -> {
            List<String> names = new ArrayList<>();
            String withData = null;
            for (RegisteredModel m : store.registry().models()) {
                names.add(m.name());
                if (withData == null && hasPerformance(m.name())) {
                    withData = m.name();
                }
            }
            return new Models(names, withData);
        }, loaded -> {
            models.setAll(loaded.names());
            if (model.get() == null && loaded.withData() != null) {
                open(loaded.withData(), null);
            } else if (model.get() == null) {
                message.set(loaded.names().isEmpty() ? "No registered models yet."
                        : "No labelled batches yet: cairn drift batch --model M --label COL --prediction COL FILE.csv");
            }
        }, this::fail);
    }

    private record Models(List<String> names, String withData) {
    }

    private boolean hasPerformance(String name) {
        try {
            return store.monitoring().batches(name, store.drift().defaultVersion(name)).stream()
                    .anyMatch(b -> b.performance().isPresent());
        } catch (RuntimeException e) {
            LOG.debug("no monitoring data for {}: {}", name, e.getMessage());
            return false;
        }
    }

    /** Opens a model version; {@code v} null means the Production version, else the latest. */
    public void open(String name, Integer v) {
        message.set("");
        runner.submit("Loading monitoring of " + name, () -> load(name, v), this::show, this::fail);
    }

    private Loaded load(String name, Integer v) {
        int chosen = v != null ? v : store.drift().defaultVersion(name);
        List<ModelVersion> all = store.registry().versions(name);
        Stage stage = all.stream().filter(x -> x.version() == chosen).map(ModelVersion::stage).findFirst()
                .orElse(Stage.NONE);
        List<MonitoredBatch> batches = new ArrayList<>(store.monitoring().overview(name, chosen));
        for (int i = batches.size() - 1; i >= 0; i--) { // the newest labelled batch in full: segments, latest slices
            MonitoredBatch b = batches.get(i);
            if (b.performance().isPresent()) {
                batches.set(i, new MonitoredBatch(b.datasetId(), b.time(), b.rows(),
                        store.monitoring().performance(b.datasetId())));
                break;
            }
        }
        List<AlertRule> rules = store.monitoring().rules(name).stream()
                .filter(r -> r.version() == null || r.version() == chosen).toList();
        List<Alert> alerts = store.monitoring().alerts(name).stream().filter(a -> a.version() == chosen).toList();
        List<ModelEvent> events = store.registry().history(name).stream().filter(e -> e.action() == EventAction.ROLLBACK
                || (e.action() == EventAction.PROMOTE && e.stage() == Stage.PRODUCTION)).toList();
        return new Loaded(all.stream().map(ModelVersion::version).toList(),
                new MonitoringSnapshot(name, chosen, stage, batches, rules, alerts, events));
    }

    private record Loaded(List<Integer> versions, MonitoringSnapshot snapshot) {
    }

    /** Reads every batch's slices once a segment is chosen, then redraws. */
    private void loadSlices(MonitoringSnapshot s) {
        runner.submit("Loading slices of " + s.model(), () -> store.monitoring().batches(s.model(), s.version()),
                batches -> {
                    if (snapshot.get() != s) {
                        return; // another model or version was opened meanwhile
                    }
                    sliced = true;
                    snapshot.set(new MonitoringSnapshot(s.model(), s.version(), s.stage(), batches, s.rules(),
                            s.alerts(), s.events()));
                    refreshSeries();
                }, this::fail);
    }

    private void show(Loaded loaded) {
        MonitoringSnapshot s = loaded.snapshot();
        sliced = false;
        opening = true;
        try {
            if (!models.contains(s.model())) {
                models.add(s.model());
            }
            model.set(s.model());
            versions.setAll(loaded.versions());
            version.set(s.version());
        } finally {
            opening = false;
        }
        snapshot.set(s);
        String keepMetric = metric.get();
        metrics.setAll(s.metrics());
        List<String> segs = new ArrayList<>();
        segs.add(OVERALL);
        segs.addAll(s.segments());
        String keepSegment = segment.get();
        segments.setAll(segs);
        segment.set(segs.contains(keepSegment) ? keepSegment : OVERALL);
        metric.set(metrics.contains(keepMetric) ? keepMetric : metrics.isEmpty() ? null : metrics.get(0));
        ruleLines.setAll(s.rules().stream().map(r -> "#" + r.id() + "  " + r.describe()).toList());
        alertLines.setAll(s.alerts().stream().sorted((a, b) -> Long.compare(b.id(), a.id()))
                .map(a -> a.batchTime().toString().substring(0, 10) + "  "
                        + a.message().replaceFirst(" on batch \\S+", "")).toList());
        summarise(s);
        if (!OVERALL.equals(segment.get())) {
            loadSlices(s);
        } else {
            refreshSeries();
        }
        if (s.latestLabelled().isEmpty()) {
            message.set(s.model() + " v" + s.version() + " has no labelled batch yet: cairn drift batch --model "
                    + s.model() + " --label COL --prediction COL FILE.csv");
        }
    }

    private void summarise(MonitoringSnapshot s) {
        latest.set(s.latestLabelled().map(b -> {
            SliceMetrics m = b.performance().get().primary().overall();
            List<String> parts = new ArrayList<>();
            m.metrics().forEach((k, v) -> parts.add(k + " " + Formats.number(v)));
            return "Latest batch " + Formats.dateTime(b.time().toEpochMilli()) + ": " + String.join(", ", parts)
                    + " (" + Formats.count(m.labelled()) + " labelled rows)";
        }).orElse("No labelled batch"));
        List<Integer> challengers = s.challengers();
        Integer c = challengers.isEmpty() ? null : challengers.get(challengers.size() - 1);
        challenger.set(c);
        duel.set(c == null ? "No challenger predictions (batch columns such as prediction@" + (s.version() + 1) + ")."
                : s.latestDuel(c).map(d -> {
                    String m = d.champion().overall().metrics().keySet().stream().findFirst().orElse("");
                    return String.format(Locale.ROOT, "Champion v%d %s %s  vs  challenger v%d %s %s  —  %s p = %s "
                                    + "over %s rows", d.champion().version(), m,
                            Formats.number(d.champion().overall().metrics().getOrDefault(m, Double.NaN)),
                            d.challenger().version(), m,
                            Formats.number(d.challenger().overall().metrics().getOrDefault(m, Double.NaN)),
                            d.test().test().equals("mcnemar") ? "McNemar" : "Wilcoxon", Formats.number(d.test().pValue()),
                            Formats.count(d.test().rows()));
                }).orElse("Challenger v" + c + " was not scored on the latest labelled batch."));
    }

    private void refreshSeries() {
        MonitoringSnapshot s = snapshot.get();
        String m = metric.get();
        if (s == null || m == null) {
            series.set(List.of());
            return;
        }
        List<MonitoredBatch> batches = s.batches();
        long[] times = batches.stream().mapToLong(b -> b.time().toEpochMilli()).toArray();
        List<Series> out = new ArrayList<>();
        String seg = segment.get();
        if (seg == null || OVERALL.equals(seg)) {
            out.add(line("v" + s.version(), times, batches, b -> b.performance()
                    .flatMap(p -> p.primary().overall().metric(m)), false));
            for (int c : s.challengers()) {
                out.add(line("v" + c + " (challenger)", times, batches, b -> b.performance()
                        .flatMap(p -> p.of(c)).flatMap(p -> p.overall().metric(m)), true));
            }
        } else {
            java.util.Set<String> values = new java.util.TreeSet<>();
            batches.forEach(b -> b.performance().ifPresent(p -> values.addAll(p.primary().slices()
                    .getOrDefault(seg, java.util.Map.of()).keySet())));
            for (String value : values) {
                out.add(line(seg + "=" + value, times, batches, b -> b.performance().flatMap(p -> java.util.Optional
                        .ofNullable(p.primary().slices().getOrDefault(seg, java.util.Map.of()).get(value)))
                        .flatMap(x -> x.metric(m)), false));
            }
        }
        series.set(List.copyOf(out));
    }

    private static Series line(String name, long[] times, List<MonitoredBatch> batches,
                               java.util.function.Function<MonitoredBatch, java.util.Optional<Double>> value,
                               boolean challenger) {
        double[] values = new double[batches.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(batches.get(i)).orElse(Double.NaN);
        }
        return new Series(name, times, values, challenger);
    }

    /**
     * Promotes the newest challenger to the champion's stage (Production when the champion has none), archiving
     * the champion, through the registry's promotion rule; refused promotions show their reason.
     */
    public void promoteChallenger() {
        MonitoringSnapshot s = snapshot.get();
        Integer c = challenger.get();
        if (s == null || c == null) {
            return;
        }
        Stage target = s.stage() == Stage.STAGING ? Stage.STAGING : Stage.PRODUCTION;
        runner.submit("Promoting v" + c + " of " + s.model(), () -> {
            store.registry().promote(s.model(), c, target, Expectation.nothing(),
                    ChangeOptions.by(user).archivingExisting().withComment("challenger of v" + s.version()
                            + " promoted from the monitoring view"));
            return c;
        }, done -> {
            open(s.model(), s.version());
            message.set("Promoted v" + done + " to " + target.label() + ".");
        }, this::fail);
    }

    private void fail(Throwable e) {
        LOG.warn("monitoring view work failed: {}", e.toString());
        LOG.debug("monitoring view failure", e);
        message.set(UserMessages.of(e));
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObjectProperty<String> model() {
        return model;
    }

    public ObservableList<Integer> versions() {
        return versions;
    }

    public ObjectProperty<Integer> version() {
        return version;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    /** The metric charted over time. */
    public ObjectProperty<String> metric() {
        return metric;
    }

    public ObservableList<String> segments() {
        return segments;
    }

    /** {@link #OVERALL} or a segment column whose slices are charted. */
    public ObjectProperty<String> segment() {
        return segment;
    }

    public ReadOnlyObjectProperty<MonitoringSnapshot> snapshot() {
        return snapshot.getReadOnlyProperty();
    }

    /** The lines of the performance chart. */
    public ReadOnlyObjectProperty<List<Series>> series() {
        return series.getReadOnlyProperty();
    }

    public ObservableList<String> ruleLines() {
        return ruleLines;
    }

    public ObservableList<String> alertLines() {
        return alertLines;
    }

    public ReadOnlyStringProperty latest() {
        return latest.getReadOnlyProperty();
    }

    /** Champion vs challenger on the latest labelled batch. */
    public ReadOnlyStringProperty duel() {
        return duel.getReadOnlyProperty();
    }

    /** The challenger "Promote challenger" would promote, or null. */
    public ReadOnlyObjectProperty<Integer> challenger() {
        return challenger.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
