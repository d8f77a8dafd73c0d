package dev.cairn.viewer.monitoring;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.Formats;
import dev.cairn.viewer.common.GoLiveMarks;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * State of the monitoring view for one model version: performance over time (overall, or per slice of one
 * segment on demand), the challengers scored beside it, rules and alerts, and the registry events marked on the
 * time axis. "Promote challenger" goes through the registry's promotion (and so the model's promotion rule) and
 * is recorded in its history. The rules pane adds rules through the app's {@link RuleAdding} (stored and evaluated
 * at once on the newest batch) after checking the form here, and removes them. Store work goes through the
 * {@link TaskRunner}.
 */
public final class MonitoringViewModel {
    /** The segment choice that means "the whole batch". */
    public static final String OVERALL = "Overall";
    /** The slice-gap segment choice that means "the largest gap of any segment". */
    public static final String ANY_SEGMENT = "any segment";
    /** The rule directions, as the form lists them. */
    public static final List<String> DIRECTIONS = List.of("below", "above");
    /** A plain decimal number: what the threshold field takes (no "1d", hex, NaN or Infinity). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringViewModel.class);

    private final TrackingStore store;
    private final TaskRunner runner;
    private final String user;
    private final RuleAdding adding;
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
    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleKind> ruleKind = new SimpleObjectProperty<>(RuleKind.METRIC);
    private final ObservableList<String> ruleMetrics = FXCollections.observableArrayList(AlertRule.METRICS);
    private final ObjectProperty<String> ruleMetric = new SimpleObjectProperty<>(AlertRule.METRICS.get(0));
    private final ObservableList<String> ruleSegments = FXCollections.observableArrayList(ANY_SEGMENT);
    private final ObjectProperty<String> ruleSegment = new SimpleObjectProperty<>(ANY_SEGMENT);
    private final ObjectProperty<String> ruleDirection = new SimpleObjectProperty<>(DIRECTIONS.get(0));
    private final StringProperty ruleThreshold = new SimpleStringProperty("");
    private final StringProperty ruleFor = new SimpleStringProperty("1");
    private final BooleanProperty ruleThisVersionOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper ruleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ruleStatus = new ReadOnlyStringWrapper("");
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

    /** A view that lists rules but cannot add them (no rule evaluator given). */
    public MonitoringViewModel(TrackingStore store, TaskRunner runner, String user) {
        this(store, runner, user, null);
    }

    /**
     * @param adding stores and evaluates a new rule (the app's evaluator); null: the rules pane adds none
     */
    public MonitoringViewModel(TrackingStore store, TaskRunner runner, String user, RuleAdding adding) {
        this.store = Objects.requireNonNull(store);
        this.runner = Objects.requireNonNull(runner);
        this.user = user;
        this.adding = adding;
        ruleKind.addListener((obs, was, now) -> refreshRuleMetrics());
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
        List<GoLiveMarks.Mark> events = GoLiveMarks.of(store.registry().history(name));
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
        rules.setAll(s.rules());
        alertLines.setAll(s.alerts().stream().sorted((a, b) -> Long.compare(b.id(), a.id()))
                .map(MonitoringViewModel::alertLine).toList());
        refreshRuleMetrics();
        List<String> ruleSegs = new ArrayList<>();
        ruleSegs.add(ANY_SEGMENT);
        ruleSegs.addAll(s.segments());
        String keepRuleSegment = ruleSegment.get();
        ruleSegments.setAll(ruleSegs);
        ruleSegment.set(ruleSegs.contains(keepRuleSegment) ? keepRuleSegment : ANY_SEGMENT);
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

    /**
     * A batch's time as the chart's date axis and the alerts list name it: its UTC date ("2026-12-01"), with the
     * time of day only when the batch is not at midnight ("2026-12-01 14:30").
     */
    static String batchTime(java.time.Instant t) {
        String iso = t.toString();
        String date = iso.substring(0, 10);
        return t.getEpochSecond() % 86_400 == 0 ? date : date + " " + iso.substring(11, 16);
    }

    /** "2026-12-01  #2  slice gap of recall over region is 1.000": date, rule id and the value, without the rule text. */
    static String alertLine(Alert a) {
        return a.batchTime().toString().substring(0, 10) + "  #" + a.ruleId() + "  "
                + a.message().replaceFirst(" on batch \\S+", "").replaceFirst(" \\(rule \\d+: .*\\)$", "");
    }

    /** "#2  slice gap of recall over region above 0.3": how the rules pane lists a rule. */
    public static String ruleLine(AlertRule r) {
        return "#" + r.id() + "  " + r.describe();
    }

    /** The metrics the form offers for the chosen kind: the open version's (its task), else every known one. */
    private void refreshRuleMetrics() {
        RuleKind kind = ruleKind.get() == null ? RuleKind.METRIC : ruleKind.get();
        MonitoringSnapshot s = snapshot.get();
        List<String> known = AlertRule.metrics(kind);
        List<String> offered = new ArrayList<>();
        if (s != null && !s.metrics().isEmpty() && kind != RuleKind.DRIFT_SHARE) {
            s.metrics().stream().filter(known::contains).forEach(offered::add);
            if (kind == RuleKind.SLICE_GAP && s.metrics().contains("recall")) {
                offered.addAll(AlertRule.GAPS);
            }
        } else {
            offered.addAll(known);
        }
        String keep = ruleMetric.get();
        ruleMetrics.setAll(offered);
        ruleMetric.set(offered.contains(keep) ? keep : offered.isEmpty() ? null : offered.get(0));
    }

    /**
     * Checks the rule form and, when it is complete, adds the rule through the app's evaluator (stored, then
     * evaluated on the newest batch of each version it watches) and reloads the view so a new alert shows. A
     * problem (a threshold that is not a number, for example) is shown in the form; nothing is stored then.
     *
     * @return false when the form has a problem (shown by {@link #ruleError()})
     */
    public boolean addRule() {
        ruleStatus.set("");
        String problem = null;
        AlertRule rule = null;
        try {
            rule = formRule();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem == null && adding == null) {
            problem = "Adding rules needs the Cairn app (cairn monitor rule add).";
        }
        if (problem != null) {
            ruleError.set(problem);
            return false;
        }
        ruleError.set("");
        AlertRule draft = rule;
        runner.submit("Adding rule to " + draft.model(), () -> adding.add(store, draft), added -> {
            ruleThreshold.set("");
            ruleStatus.set("Added rule #" + added.rule().id() + ": " + added.rule().describe() + ". "
                    + String.join(" ", added.lines()));
            reopen();
        }, this::failRule);
        return true;
    }

    /** The rule the form describes; an {@link IllegalArgumentException} with a one-line reason when it is not. */
    private AlertRule formRule() {
        MonitoringSnapshot s = snapshot.get();
        if (s == null) {
            throw new IllegalArgumentException("Open a model first.");
        }
        RuleKind kind = ruleKind.get() == null ? RuleKind.METRIC : ruleKind.get();
        String metric = kind == RuleKind.DRIFT_SHARE ? null : ruleMetric.get();
        AlertRule.metricProblem(kind, metric).ifPresent(p -> {
            throw new IllegalArgumentException("Metric: " + p + ".");
        });
        String x = ruleThreshold.get() == null ? "" : ruleThreshold.get().trim();
        if (x.isEmpty()) {
            throw new IllegalArgumentException("Threshold: enter a number, for example 0.8.");
        }
        if (!NUMBER.matcher(x).matches()) {
            throw new IllegalArgumentException("Threshold: '" + x + "' is not a number (for example 0.8).");
        }
        double threshold = Double.parseDouble(x);
        if (Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("Threshold: '" + x + "' is too large.");
        }
        String n = ruleFor.get() == null ? "" : ruleFor.get().trim();
        int forBatches;
        try {
            forBatches = n.isEmpty() ? 1 : Integer.parseInt(n);
        } catch (NumberFormatException e) {
            forBatches = 0;
        }
        if (forBatches < 1) {
            throw new IllegalArgumentException("For: '" + n + "' is not a whole number of batches (1 or more).");
        }
        String segment = kind == RuleKind.SLICE_GAP && ruleSegment.get() != null
                && !ANY_SEGMENT.equals(ruleSegment.get()) ? ruleSegment.get() : null;
        return new AlertRule(0, s.model(), ruleThisVersionOnly.get() ? s.version() : null, kind, metric, segment,
                !"above".equals(ruleDirection.get()), threshold, forBatches);
    }

    /** Removes a rule of the open model (its alerts stay in the model history) and reloads the view. */
    public void removeRule(AlertRule rule) {
        if (rule == null) {
            return;
        }
        ruleError.set("");
        ruleStatus.set("");
        runner.submit("Removing rule #" + rule.id() + " of " + rule.model(),
                () -> store.monitoring().removeRule(rule.model(), rule.id()), removed -> {
                    if (removed) {
                        ruleStatus.set("Removed rule #" + rule.id() + " (its alerts stay in the model history).");
                    } else {
                        ruleError.set("Rule #" + rule.id() + " was already removed.");
                    }
                    reopen();
                }, this::failRule);
    }

    private void reopen() {
        MonitoringSnapshot s = snapshot.get();
        if (s != null) {
            open(s.model(), s.version());
        }
    }

    private void failRule(Throwable e) {
        LOG.warn("alert rule change failed: {}", e.toString());
        LOG.debug("alert rule change failure", e);
        ruleError.set(UserMessages.of(e));
    }

    private void summarise(MonitoringSnapshot s) {
        latest.set(s.latestLabelled().map(b -> {
            SliceMetrics m = b.performance().get().primary().overall();
            List<String> parts = new ArrayList<>();
            m.metrics().forEach((k, v) -> parts.add(k + " " + Formats.significant(v, 3)));
            return "Latest batch " + batchTime(b.time()) + ": " + String.join(", ", parts)
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

    /** The alert rules of the open model that apply to the open version. */
    public ObservableList<AlertRule> rules() {
        return rules;
    }

    /** Whether the rules pane can add rules (the app gave its rule evaluator). */
    public boolean canAddRules() {
        return adding != null;
    }

    /** The new rule's kind. */
    public ObjectProperty<RuleKind> ruleKind() {
        return ruleKind;
    }

    /** The metrics a rule of the chosen kind may watch (empty for drift share). */
    public ObservableList<String> ruleMetrics() {
        return ruleMetrics;
    }

    public ObjectProperty<String> ruleMetric() {
        return ruleMetric;
    }

    /** {@link #ANY_SEGMENT} and the open version's segments, for slice-gap rules. */
    public ObservableList<String> ruleSegments() {
        return ruleSegments;
    }

    public ObjectProperty<String> ruleSegment() {
        return ruleSegment;
    }

    /** "below" or "above" ({@link #DIRECTIONS}). */
    public ObjectProperty<String> ruleDirection() {
        return ruleDirection;
    }

    /** The threshold as typed; checked by {@link #addRule()}. */
    public StringProperty ruleThreshold() {
        return ruleThreshold;
    }

    /** "For N consecutive batches" as typed (empty means 1). */
    public StringProperty ruleFor() {
        return ruleFor;
    }

    /** True: the rule watches only the open version; false: every version. */
    public BooleanProperty ruleThisVersionOnly() {
        return ruleThisVersionOnly;
    }

    /** Why the form's rule was not added (one line), or empty. */
    public ReadOnlyStringProperty ruleError() {
        return ruleError.getReadOnlyProperty();
    }

    /** What the last add or remove did (for an add: whether the rule holds on the newest batch), or empty. */
    public ReadOnlyStringProperty ruleStatus() {
        return ruleStatus.getReadOnlyProperty();
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
