package dev.cairn.viewer.hparams;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricAggregate;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.common.LatestOnly;
import dev.cairn.viewer.common.TaskRunner;
import dev.cairn.viewer.common.UserMessages;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State and actions of the hyperparameter analysis: the runs in view (ids handed in by the shell) read in bulk
 * off the UI thread, the target, the chosen params as parallel-coordinates axes (order, scale, flip), the brushes
 * and the runs they keep, the importance estimate (computed off the UI thread, with progress) and the best runs.
 * Sends runs on to the runs table selection or to Compare through callbacks.
 */
public final class HparamsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HparamsViewModel.class);
    /** How many best runs the table lists. */
    public static final int BEST_RUNS = 10;
    /** At most this many runs go to Compare at once (best first). */
    public static final int MAX_COMPARE = 20;

    private final TrackingStore store;
    private final LatestOnly loads;
    private final LatestOnly importanceJobs;
    private final ImportanceEstimator estimator;
    private final Executor ui;
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<String> paramNames = FXCollections.observableArrayList();
    private final ObservableList<String> chosenParams = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<SweepTable> table = new SimpleObjectProperty<>(this, "table");
    private final ObjectProperty<List<PlotAxis>> axes = new SimpleObjectProperty<>(this, "axes", List.of());
    /** Chosen params left off the plot because most highlighted runs lack them (until {@link #showSparseAxes}). */
    private final ObservableList<String> sparseAxes = FXCollections.observableArrayList();
    private boolean sparseAxesShown;
    private final ObjectProperty<Brushes> brushes = new SimpleObjectProperty<>(this, "brushes", Brushes.NONE);
    private final ObjectProperty<BitSet> kept = new SimpleObjectProperty<>(this, "kept", new BitSet());
    private final IntegerProperty keptCount = new SimpleIntegerProperty(this, "keptCount");
    private final ObjectProperty<ImportanceReport> importance = new SimpleObjectProperty<>(this, "importance");
    private final DoubleProperty importanceProgress = new SimpleDoubleProperty(this, "importanceProgress", -1);
    private final BooleanProperty importanceRunning = new SimpleBooleanProperty(this, "importanceRunning");
    private final ObjectProperty<List<Integer>> bestRows = new SimpleObjectProperty<>(this, "bestRows", List.of());
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final Map<String, AxisScale> scales = new HashMap<>();
    private final Map<String, Boolean> flips = new HashMap<>();
    private List<RunDetails> details = List.of();
    private Consumer<List<String>> onSelectRuns = ids -> { };
    private Consumer<List<String>> onCompare = ids -> { };

    public HparamsViewModel(TrackingStore store, TaskRunner runner) {
        this(store, runner, new ImportanceEstimator(), Platform::runLater);
    }

    /**
     * @param ui runs progress updates on the UI thread ({@code Platform::runLater}; {@code Runnable::run} with a
     *           {@link dev.cairn.viewer.common.DirectTaskRunner})
     */
    private final TaskRunner runner;

    /** The runner its work goes through (also used by the view for exports). */
    public TaskRunner runner() {
        return runner;
    }

    public HparamsViewModel(TrackingStore store, TaskRunner runner, ImportanceEstimator estimator, Executor ui) {
        this.store = Objects.requireNonNull(store);
        this.ui = Objects.requireNonNull(ui);
        this.runner = runner;
        this.loads = new LatestOnly(runner);
        this.importanceJobs = new LatestOnly(runner);
        this.estimator = estimator;
        target.addListener((o, was, now) -> rebuildTable());
    }

    private int requestedRuns;

    /** How many runs were handed to {@link #setRuns} (the window's title counts them). */
    public int runCount() {
        return requestedRuns;
    }

    /** Shows these runs (an experiment's, a filter's or a selection); reads them in the background. */
    public void setRuns(List<String> runIds) {
        List<String> ids = List.copyOf(runIds);
        requestedRuns = ids.size();
        loading.set(true);
        message.set("");
        loads.submit("Reading " + ids.size() + " runs for hyperparameter analysis", progress -> {
            Map<String, RunDetails> byId = store.runs().details(ids);
            List<RunDetails> ordered = new ArrayList<>(byId.size());
            for (String id : ids) {
                RunDetails d = byId.get(id);
                if (d != null) {
                    ordered.add(d);
                }
            }
            return ordered;
        }, this::showDetails, error -> {
            loading.set(false);
            LOG.warn("could not read runs for hyperparameter analysis", error);
            message.set("Could not read the runs: " + UserMessages.of(error));
        });
    }

    private void showDetails(List<RunDetails> loaded) {
        loading.set(false);
        details = loaded;
        Map<String, Integer> coverage = new HashMap<>();
        for (RunDetails d : loaded) {
            for (String k : d.metrics().keySet()) {
                coverage.merge(k, 1, Integer::sum);
            }
        }
        List<String> keys = coverage.keySet().stream().sorted().toList();
        metricKeys.setAll(keys);
        Target current = target.get();
        if (current == null || !keys.contains(current.metric())) {
            int most = coverage.values().stream().max(Integer::compare).orElse(0);
            List<String> common = keys.stream().filter(k -> coverage.get(k) * 2 >= most).toList();
            target.set(keys.isEmpty() ? null : guessTarget(common));
        }
        rebuildTable();
        if (loaded.isEmpty()) {
            message.set("No runs in view.");
        } else if (keys.isEmpty()) {
            message.set("These runs logged no metrics: there is nothing to explain.");
        }
    }

    /**
     * A first target among the metrics most runs logged: a validation accuracy (max) or loss (min) when there is
     * one, else the first metric.
     */
    static Target guessTarget(List<String> keys) {
        String pick = keys.stream().filter(k -> k.toLowerCase(Locale.ROOT).contains("val")
                && k.toLowerCase(Locale.ROOT).contains("acc")).findFirst()
                .or(() -> keys.stream().filter(k -> k.toLowerCase(Locale.ROOT).contains("loss")).findFirst())
                .orElse(keys.get(0));
        String lower = pick.toLowerCase(Locale.ROOT);
        boolean lowerIsBetter = lower.contains("loss") || lower.contains("err") || lower.contains("mse")
                || lower.contains("mae") || lower.contains("perplexity");
        return new Target(pick, lowerIsBetter ? MetricAggregate.MIN : MetricAggregate.MAX,
                lowerIsBetter ? Goal.MINIMISE : Goal.MAXIMISE);
    }

    private void rebuildTable() {
        Target t = target.get();
        if (t == null) {
            table.set(null);
            paramNames.clear();
            chosenParams.clear();
            rebuildAxes();
            return;
        }
        SweepTable next = SweepTable.of(details, t);
        List<String> previous = List.copyOf(chosenParams);
        table.set(next);
        paramNames.setAll(next.params().keySet());
        List<String> chosen = previous.stream().filter(next.params()::containsKey).toList();
        chosenParams.setAll(chosen.isEmpty() ? next.varyingParams() : chosen);
        bestRows.set(BestRuns.top(next, BEST_RUNS));
        rebuildAxes();
        estimateImportance();
    }

    private void rebuildAxes() {
        SweepTable t = table.get();
        if (t == null) {
            axes.set(List.of());
            brushes.set(Brushes.NONE);
            applyBrushes();
            return;
        }
        List<PlotAxis> next = new ArrayList<>();
        List<String> sparse = new ArrayList<>();
        BitSet highlighted = kept.get() != null && kept.get().length() <= t.size() && !kept.get().isEmpty()
                ? kept.get() : allOf(t.size());
        for (String p : chosenParams) {
            ParamColumn column = t.params().get(p);
            if (!sparseAxesShown && mostlyMissing(column, highlighted)) {
                sparse.add(p);
            } else {
                next.add(axis(p, p, column));
            }
        }
        sparseAxes.setAll(sparse);
        next.add(axis(PlotAxis.TARGET_KEY, t.target().label(), t.targetColumn()));
        axes.set(List.copyOf(next));
        applyBrushes();
    }

    /** True when more than half of the {@code rows} lack a value in {@code column}. */
    static boolean mostlyMissing(ParamColumn column, BitSet rows) {
        int missing = 0;
        for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
            missing += column.isMissing(i) ? 1 : 0;
        }
        return missing * 2 > rows.cardinality();
    }

    private static BitSet allOf(int n) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        return all;
    }

    /** Shows the axes left off because most highlighted runs lack them (one click in the view). */
    public void showSparseAxes() {
        sparseAxesShown = true;
        rebuildAxes();
    }

    /**
     * The chosen params left off the parallel coordinates because most highlighted runs lack them (runs of
     * different model families in one experiment); empty after {@link #showSparseAxes}.
     */
    public ObservableList<String> sparseAxes() {
        return sparseAxes;
    }

    private PlotAxis axis(String key, String label, ParamColumn column) {
        AxisMapping mapping = new AxisMapping(column, scales.getOrDefault(key, defaultScale(column)),
                flips.getOrDefault(key, false));
        return new PlotAxis(key, label, mapping, mapping.positions());
    }

    /** Log for positive numbers spanning two decades or more (learning rates, regularisation), else linear. */
    static AxisScale defaultScale(ParamColumn column) {
        if (!column.isNumeric()) {
            return AxisScale.LINEAR;
        }
        double[] range = column.range();
        return range[0] > 0 && range[1] / range[0] >= 100 ? AxisScale.LOG : AxisScale.LINEAR;
    }

    private void applyBrushes() {
        SweepTable t = table.get();
        int rows = t == null ? 0 : t.size();
        Map<String, float[]> positions = new LinkedHashMap<>();
        for (PlotAxis a : axes.get()) {
            positions.put(a.key(), a.positions());
        }
        BitSet next = brushes.get().apply(positions, rows);
        kept.set(next);
        keptCount.set(next.cardinality());
    }

    private void estimateImportance() {
        SweepTable t = table.get();
        List<String> params = List.copyOf(chosenParams);
        if (t == null) {
            importance.set(null);
            return;
        }
        importanceRunning.set(true);
        importanceProgress.set(0);
        importanceJobs.submit("Estimating hyperparameter importance", progress -> estimator.estimate(t, params,
                fraction -> {
                    progress.accept(fraction);
                    ui.execute(() -> importanceProgress.set(fraction));
                }), report -> {
                    importanceRunning.set(false);
                    importanceProgress.set(1);
                    importance.set(report);
                }, error -> {
                    importanceRunning.set(false);
                    LOG.warn("importance estimate failed", error);
                    message.set("Could not estimate importance: " + UserMessages.of(error));
                });
    }

    // ---- target and axes ----

    public void setTarget(Target next) {
        target.set(next);
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** Shows these params as axes, in this order. */
    public void setChosenParams(List<String> params) {
        chosenParams.setAll(params);
        brushes.set(keepBrushesOnAxes(brushes.get()));
        rebuildAxes();
        estimateImportance();
    }

    /** Shows or hides one param's axis (appended at the end when shown). */
    public void setParamShown(String param, boolean shown) {
        List<String> next = new ArrayList<>(chosenParams);
        next.remove(param);
        if (shown) {
            next.add(param);
        }
        setChosenParams(next);
    }

    /** Moves the axis at {@code from} to index {@code to} (param axes; the target axis stays last). */
    public void moveAxis(int from, int to) {
        if (from < 0 || from >= chosenParams.size()) {
            return;
        }
        List<String> next = new ArrayList<>(chosenParams);
        String p = next.remove(from);
        next.add(Math.max(0, Math.min(next.size(), to)), p);
        chosenParams.setAll(next);
        rebuildAxes();
    }

    public void setScale(String axisKey, AxisScale scale) {
        scales.put(axisKey, scale);
        brushes.set(brushes.get().without(axisKey));
        rebuildAxes();
    }

    public void setFlipped(String axisKey, boolean flipped) {
        flips.put(axisKey, flipped);
        brushes.set(brushes.get().without(axisKey));
        rebuildAxes();
    }

    private Brushes keepBrushesOnAxes(Brushes current) {
        Brushes next = current;
        for (String key : current.byAxis().keySet()) {
            if (!key.equals(PlotAxis.TARGET_KEY) && !chosenParams.contains(key)) {
                next = next.without(key);
            }
        }
        return next;
    }

    // ---- brushing ----

    /** Keeps only runs within {@code brush} on this axis (replacing its earlier brush). */
    public void brush(String axisKey, Brush brush) {
        brushes.set(brushes.get().with(axisKey, brush));
        applyBrushes();
    }

    public void clearBrush(String axisKey) {
        brushes.set(brushes.get().without(axisKey));
        applyBrushes();
    }

    public void clearBrushes() {
        brushes.set(Brushes.NONE);
        applyBrushes();
    }

    /** Ids of the runs the brushes keep, best first. */
    public List<String> keptRunIds() {
        SweepTable t = table.get();
        if (t == null) {
            return List.of();
        }
        List<Integer> rows = new ArrayList<>();
        BitSet k = kept.get();
        for (int i = k.nextSetBit(0); i >= 0; i = k.nextSetBit(i + 1)) {
            rows.add(i);
        }
        ParamColumn target = t.targetColumn();
        Goal goal = t.target().goal();
        rows.sort((a, b) -> goal.better(target.number(a), target.number(b)) ? -1
                : goal.better(target.number(b), target.number(a)) ? 1 : Integer.compare(a, b));
        return rows.stream().map(t.runIds()::get).toList();
    }

    /** Sends the kept runs to the runs table selection. */
    public void selectKeptRuns() {
        onSelectRuns.accept(keptRunIds());
    }

    /** Sends the kept runs (best {@link #MAX_COMPARE}) to Compare. */
    public void compareKeptRuns() {
        List<String> ids = keptRunIds();
        onCompare.accept(ids.subList(0, Math.min(MAX_COMPARE, ids.size())));
    }

    /** Sends the best runs to Compare. */
    public void compareBestRuns() {
        SweepTable t = table.get();
        if (t != null) {
            onCompare.accept(bestRows.get().stream().map(t.runIds()::get).toList());
        }
    }

    /** Sends one run to the runs table selection (a click on a point or a line). */
    public void selectRun(String runId) {
        onSelectRuns.accept(List.of(runId));
    }

    public void setOnSelectRuns(Consumer<List<String>> callback) {
        this.onSelectRuns = Objects.requireNonNull(callback);
    }

    public void setOnCompare(Consumer<List<String>> callback) {
        this.onCompare = Objects.requireNonNull(callback);
    }

    // ---- read-only state ----

    public ObservableList<String> metricKeys() {
        return metricKeys;
    }

    /** Every param of the runs in view. */
    public ObservableList<String> paramNames() {
        return paramNames;
    }

    /** The params shown as axes, in order. */
    public ObservableList<String> chosenParams() {
        return chosenParams;
    }

    public ReadOnlyObjectProperty<SweepTable> tableProperty() {
        return table;
    }

    public ReadOnlyObjectProperty<List<PlotAxis>> axesProperty() {
        return axes;
    }

    public ReadOnlyObjectProperty<Brushes> brushesProperty() {
        return brushes;
    }

    public ReadOnlyObjectProperty<BitSet> keptProperty() {
        return kept;
    }

    public ReadOnlyIntegerProperty keptCountProperty() {
        return keptCount;
    }

    public ReadOnlyObjectProperty<ImportanceReport> importanceProperty() {
        return importance;
    }

    /** 0..1 while importance is being estimated. */
    public ReadOnlyDoubleProperty importanceProgressProperty() {
        return importanceProgress;
    }

    public ReadOnlyBooleanProperty importanceRunningProperty() {
        return importanceRunning;
    }

    /** Row indexes of the best runs, best first. */
    public ReadOnlyObjectProperty<List<Integer>> bestRowsProperty() {
        return bestRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
