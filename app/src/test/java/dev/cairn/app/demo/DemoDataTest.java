package dev.cairn.app.demo;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo data, generated once into a real store file. */
class DemoDataTest {
    private static final List<String> LOSS_AND_ACCURACY = List.of("train/loss", "train/accuracy", "val/loss",
            "val/accuracy");

    @TempDir
    static Path dir;

    private static TrackingStore store;
    private static DemoSummary summary;
    private static final List<Double> PROGRESS = new ArrayList<>();
    private static Instant before;

    @BeforeAll
    static void generate() {
        store = TrackingStore.open(dir.resolve("demo.db"));
        before = Instant.now();
        summary = DemoData.generate(store, PROGRESS::add);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<Run> allRuns() {
        Experiment e = store.experiments().byName(SweepSection.EXPERIMENT).orElseThrow();
        Run parent = parent();
        List<Run> runs = new ArrayList<>(store.runs().children(parent.id()));
        runs.add(parent);
        runs.add(baseline());
        assertThat(runs).allSatisfy(r -> assertThat(r.experimentId()).isEqualTo(e.id()));
        return runs;
    }

    private static Run parent() {
        return store.search().searchAll(RunQuery.all()).stream().filter(r -> r.name().equals(SweepParent.NAME)).findFirst()
                .orElseThrow();
    }

    private static Run baseline() {
        return store.search().searchAll(RunQuery.all()).stream().filter(r -> r.name().equals("baseline-most-frequent")).findFirst()
                .orElseThrow();
    }

    private static List<Run> children(RunStatus status) {
        return store.runs().children(parent().id()).stream().filter(r -> r.status() == status).toList();
    }

    @Test
    void writesOneExperimentWithASweepParentItsChildrenAndABaseline() {
        assertThat(summary.experiments()).containsExactly(SweepSection.EXPERIMENT, DriftSection.EXPERIMENT);
        assertThat(summary.runCount()).isEqualTo(103);
        Experiment e = store.experiments().byName(SweepSection.EXPERIMENT).orElseThrow();
        assertThat(e.runCount()).isEqualTo(100);
        assertThat(e.description()).contains("Tribuo");
        assertThat(e.tags()).containsEntry(SweepSection.DEMO_TAG, "sweep");

        Run parent = parent();
        assertThat(parent.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(parent.parentId()).isNull();
        List<Run> children = store.runs().children(parent.id());
        assertThat(children).hasSize(98);
        assertThat(children).allSatisfy(c -> assertThat(c.parentId()).isEqualTo(parent.id()));
        assertThat(children).allSatisfy(c -> assertThat(c.user()).isEqualTo(SweepSection.SWEEP_USER));
        assertThat(children.stream().map(Run::name).distinct()).hasSize(98);
        Map<String, Long> byModel = store.runs().details(children.stream().map(Run::id).toList()).values().stream()
                .collect(Collectors.groupingBy(d -> d.params().get("model"), Collectors.counting()));
        assertThat(byModel).containsEntry("logistic_regression", 74L).containsEntry("cart", 24L);
        assertThat(baseline().parentId()).isNull();
        assertThat(store.runs().tags(baseline().id())).containsEntry("role", "baseline");
    }

    @Test
    void exactlyOneRunFailsBecauseItsLearningRateDiverges() {
        List<Run> failed = children(RunStatus.FAILED);
        assertThat(failed).hasSize(1);
        Run run = failed.get(0);
        assertThat(store.runs().params(run.id())).containsEntry("learning_rate", "50");
        assertThat(store.runs().tags(run.id()).get(PlannedRun.FAILURE_REASON_TAG))
                .startsWith("diverged: train/loss became Infinity at epoch");
        MetricSeries loss = store.metrics().read(run.id(), "train/loss");
        assertThat(loss.size()).isPositive().isLessThan(20);
        assertThat(loss.values()[loss.size() - 1]).isInfinite();
        assertThat(store.runs().require(run.id()).note()).startsWith("Diverged:");
        assertThat(store.search().searchAll(RunQuery.all()).stream().filter(r -> r.status() == RunStatus.FAILED)).hasSize(1);
    }

    @Test
    void oneRunIsKilledAfterFourOfItsThirtyEpochs() {
        List<Run> killed = children(RunStatus.KILLED);
        assertThat(killed).hasSize(1);
        Run run = killed.get(0);
        assertThat(store.runs().params(run.id())).containsEntry("epochs", "30");
        assertThat(store.runs().tags(run.id()).get(PlannedRun.KILL_REASON_TAG)).contains("after epoch 4 of 30");
        assertThat(store.metrics().read(run.id(), "val/accuracy").steps()).containsExactly(1, 2, 3, 4);
        assertThat(run.endMs()).isNotNull();
    }

    @Test
    void finishedLogisticRegressionsHaveOnePointPerEpochInsideTheirRunTime() {
        List<Run> runs = children(RunStatus.FINISHED);
        Map<String, RunDetails> details = store.runs().details(runs.stream().map(Run::id).toList());
        int checked = 0;
        for (RunDetails d : details.values()) {
            if (!d.params().get("model").equals(LogisticTrial.MODEL)) {
                continue;
            }
            int epochs = Integer.parseInt(d.params().get("epochs"));
            for (String key : LOSS_AND_ACCURACY) {
                MetricSeries s = store.metrics().read(d.run().id(), key);
                assertThat(s.size()).as("%s of %s", key, d.run().name()).isEqualTo(epochs);
                for (int i = 0; i < epochs; i++) {
                    assertThat(s.steps()[i]).isEqualTo(i + 1);
                    assertThat(s.timestamps()[i]).isBetween(d.run().startMs(), d.run().endMs());
                    if (i > 0) {
                        assertThat(s.timestamps()[i]).isGreaterThan(s.timestamps()[i - 1]);
                    }
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(72);
    }

    @Test
    void treesAndTheBaselineLogOnePointAtStepZero() {
        for (RunDetails d : store.runs().details(store.search().searchAll(RunQuery.all()).stream().map(Run::id).toList()).values()) {
            String model = d.params().get("model");
            if ("cart".equals(model) || "dummy".equals(model)) {
                assertThat(d.metrics().keySet()).containsExactlyInAnyOrder("train/accuracy", "val/accuracy");
                assertThat(d.metrics().get("val/accuracy").count()).isEqualTo(1);
                assertThat(d.metrics().get("val/accuracy").lastStep()).isZero();
            }
        }
        assertThat(store.metrics().summaries(baseline().id()).get("val/accuracy").last()).isEqualTo(0.5);
    }

    @Test
    void paramsReadAsTheExpectedTypes() {
        Map<String, RunDetails> details = store.runs().details(store.runs().children(parent().id()).stream()
                .map(Run::id).toList());
        int logistic = 0;
        int trees = 0;
        for (RunDetails d : details.values()) {
            Map<String, String> p = d.params();
            assertThat(new ParamValue(p.get("seed")).type()).isEqualTo(ParamValue.Type.NUMBER);
            assertThat(p.get("features")).isIn("raw", "poly3");
            if (p.get("model").equals(LogisticTrial.MODEL)) {
                double lr = new ParamValue(p.get("learning_rate")).asNumber();
                assertThat(lr).isPositive();
                assertThat(new ParamValue(p.get("epochs")).asNumber()).isIn(5.0, 10.0, 15.0, 20.0, 30.0);
                assertThat(new ParamValue(p.get("batch_size")).type()).isEqualTo(ParamValue.Type.NUMBER);
                assertThat(new ParamValue(p.get("shuffle")).type()).isEqualTo(ParamValue.Type.BOOLEAN);
                assertThat(new ParamValue(p.get("optimizer")).type()).isEqualTo(ParamValue.Type.STRING);
                assertThat(p.get("optimizer")).isIn("sgd", "adagrad", "rmsprop");
                logistic++;
            } else {
                assertThat(new ParamValue(p.get("max_depth")).asNumber()).isBetween(1.0, 12.0);
                assertThat(new ParamValue(p.get("min_leaf_size")).type()).isEqualTo(ParamValue.Type.NUMBER);
                assertThat(p.get("impurity")).isIn("gini", "entropy");
                trees++;
            }
        }
        assertThat(logistic).isEqualTo(74);
        assertThat(trees).isEqualTo(24);
        List<Double> sampledRates = details.values().stream().filter(d -> d.run().status() == RunStatus.FINISHED)
                .map(d -> d.params().get("learning_rate")).filter(v -> v != null)
                .map(v -> new ParamValue(v).asNumber()).toList();
        assertThat(sampledRates).allSatisfy(lr -> assertThat(lr).isBetween(SweepPlan.MIN_LEARNING_RATE,
                SweepPlan.MAX_LEARNING_RATE));
        assertThat(sampledRates.stream().filter(lr -> lr < 0.01)).hasSizeGreaterThan(10);
        assertThat(sampledRates.stream().filter(lr -> lr > 0.03)).hasSizeGreaterThan(10);
    }

    @Test
    void everyValueIsFiniteExceptTheDivergedLossesOfTheFailedRun() {
        for (Run run : allRuns()) {
            for (String key : store.metrics().summaries(run.id()).keySet()) {
                MetricSeries s = store.metrics().read(run.id(), key);
                for (int i = 0; i < s.size(); i++) {
                    boolean divergedLoss = run.status() == RunStatus.FAILED && key.endsWith("/loss")
                            && i == s.size() - 1;
                    if (!divergedLoss) {
                        assertThat(s.values()[i]).as("%s of %s at %d", key, run.name(), s.steps()[i]).isFinite();
                    }
                    if (key.endsWith("accuracy")) {
                        assertThat(s.values()[i]).isBetween(0.0, 1.0);
                    }
                }
            }
        }
    }

    @Test
    void validationAccuracyReallyDependsOnTheLearningRate() {
        List<RunDetails> logistic = store.runs().details(children(RunStatus.FINISHED).stream().map(Run::id).toList())
                .values().stream().filter(d -> d.params().get("model").equals(LogisticTrial.MODEL))
                .sorted(Comparator.comparingDouble(d -> new ParamValue(d.params().get("learning_rate")).asNumber()))
                .toList();
        int third = logistic.size() / 3;
        double lowRates = meanValAccuracy(logistic.subList(0, third));
        double highRates = meanValAccuracy(logistic.subList(logistic.size() - third, logistic.size()));
        assertThat(lowRates - highRates).isGreaterThan(0.02);
        double spread = logistic.stream().mapToDouble(DemoDataTest::valAccuracy).max().orElseThrow()
                - logistic.stream().mapToDouble(DemoDataTest::valAccuracy).min().orElseThrow();
        assertThat(spread).isGreaterThan(0.1);
    }

    private static double meanValAccuracy(List<RunDetails> runs) {
        return runs.stream().mapToDouble(DemoDataTest::valAccuracy).average().orElseThrow();
    }

    private static double valAccuracy(RunDetails d) {
        return d.metrics().get("val/accuracy").last();
    }

    @Test
    void theParentTracksTheBestValidationAccuracySoFar() {
        Run parent = parent();
        MetricSeries best = store.metrics().read(parent.id(), SweepParent.BEST_METRIC);
        assertThat(best.size()).isEqualTo(98);
        for (int i = 1; i < best.size(); i++) {
            assertThat(best.values()[i]).isGreaterThanOrEqualTo(best.values()[i - 1]);
        }
        String bestRun = store.runs().tags(parent.id()).get("sweep.best_run");
        double bestChild = store.metrics().summaries(bestRun).get("val/accuracy").last();
        assertThat(best.values()[best.size() - 1]).isEqualTo(bestChild);
        assertThat(store.runs().children(parent.id()).stream()
                .filter(c -> c.status() == RunStatus.FINISHED)
                .mapToDouble(c -> store.metrics().summaries(c.id()).get("val/accuracy").last()).max().orElseThrow())
                .isEqualTo(bestChild);
        assertThat(parent.note()).contains("98 trials").contains(store.runs().require(bestRun).name());
        assertThat(store.runs().require(bestRun).note()).startsWith("Best trial");
        assertThat(store.runs().params(parent.id())).containsEntry("search", "random").containsEntry("trials", "98");
    }

    @Test
    void runsCarryProvenanceDatasetInputsAndRealisticTimes() {
        Instant after = Instant.now();
        for (Run run : allRuns()) {
            assertThat(store.runs().provenance(run.id()).orElseThrow().writer()).isEqualTo(SweepSection.WRITER);
            List<DatasetInput> inputs = store.runs().inputs(run.id());
            assertThat(inputs).extracting(DatasetInput::context).containsExactlyInAnyOrder("training", "validation");
            assertThat(inputs).allSatisfy(in -> {
                assertThat(in.digest()).hasSize(16);
                assertThat(in.source()).startsWith("tribuo:NoisyInterlockingCrescentsDataSource");
            });
            assertThat(run.startMs()).isLessThan(run.endMs());
            assertThat(run.endMs()).isLessThan(after.toEpochMilli());
            assertThat(store.runs().tags(run.id())).containsEntry(SweepSection.DEMO_TAG, "sweep");
        }
        Run parent = parent();
        Duration sweep = Duration.ofMillis(parent.endMs() - parent.startMs());
        assertThat(sweep).isBetween(Duration.ofMinutes(30), Duration.ofHours(12));
        assertThat(Instant.ofEpochMilli(parent.endMs())).isBefore(before.minus(Duration.ofMinutes(20)));
        List<Run> children = store.runs().children(parent.id());
        for (int i = 1; i < children.size(); i++) {
            assertThat(children.get(i).startMs()).isGreaterThan(children.get(i - 1).endMs());
        }
        assertThat(baseline().endMs()).isLessThan(parent.startMs());
    }

    @Test
    void reportsProgressFromZeroToOne() {
        assertThat(PROGRESS.get(0)).isZero();
        assertThat(PROGRESS.get(PROGRESS.size() - 1)).isEqualTo(1.0);
        for (int i = 1; i < PROGRESS.size(); i++) {
            assertThat(PROGRESS.get(i)).isGreaterThanOrEqualTo(PROGRESS.get(i - 1));
        }
        assertThat(PROGRESS).hasSizeGreaterThan(50);
        assertThat(summary.elapsed()).isPositive();
    }

    @Test
    void isDeterministic() {
        try (TrackingStore other = TrackingStore.open(dir.resolve("again.db"))) {
            DemoData.generate(other, p -> { });
            assertThat(finalValues(other)).isEqualTo(finalValues(store));
        }
        assertThat(finalValues(store)).containsEntry("baseline-most-frequent", 0.5);
    }

    /** Run name -> last val/accuracy, with the params folded into the key so they are compared too. */
    private static Map<String, Double> finalValues(TrackingStore s) {
        Map<String, Double> out = new TreeMap<>();
        for (RunDetails d : s.runs().details(s.search().searchAll(RunQuery.all()).stream().map(Run::id).toList()).values()) {
            if (d.metrics().containsKey("val/accuracy")) {
                out.put(d.run().name(), d.metrics().get("val/accuracy").last());
                out.put(d.run().name() + " " + d.params() + " " + d.run().status(), 0.0);
            }
        }
        return out;
    }

    @Test
    void refusesToWriteTheDemoTwiceAndWritesNothing() {
        long changes = store.changeToken();
        assertThatThrownBy(() -> DemoData.generate(store, p -> { }))
                .isInstanceOf(DemoAlreadyLoadedException.class)
                .hasMessageContaining(store.path().toString())
                .hasMessageContaining("'" + SweepSection.EXPERIMENT + "'")
                .hasMessageContaining("nothing was written");
        assertThat(store.changeToken()).isEqualTo(changes);
        assertThat(store.experiments().byName(SweepSection.EXPERIMENT).orElseThrow().runCount()).isEqualTo(100);
    }

    @Test
    void writesOnlyTheSectionsNotYetInTheStore() {
        try (TrackingStore s = TrackingStore.open(dir.resolve("sections.db"))) {
            DemoSection present = new OneRunSection("demo: present");
            DemoSection later = new OneRunSection("demo: added later");
            DemoData.generate(s, p -> { }, List.of(present), Instant.now());
            List<Double> progress = new ArrayList<>();
            DemoSummary added = DemoData.generate(s, progress::add, List.of(present, later), Instant.now());
            assertThat(added.experiments()).containsExactly("demo: added later");
            assertThat(added.runCount()).isEqualTo(1);
            assertThat(s.experiments().byName("demo: present").orElseThrow().runCount()).isEqualTo(1);
            assertThat(progress).containsExactly(0.0, 0.5, 1.0);
        }
    }

    @Test
    void theDefaultSectionsAreTheSweepAndTheDriftModel() {
        assertThat(DemoData.sections()).extracting(DemoSection::experiment)
                .containsExactly(SweepSection.EXPERIMENT, DriftSection.EXPERIMENT);
        assertThat(summary.elapsed()).isPositive();
        assertThat(store.experiments().list(false)).extracting(Experiment::name)
                .containsExactlyInAnyOrder(SweepSection.EXPERIMENT, DriftSection.EXPERIMENT);
        assertThat(parent().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(summary.sections().get(0).runs()).isEqualTo(100);
    }

    /** A section writing one run, to exercise the section seam without training. */
    private record OneRunSection(String experiment) implements DemoSection {
        @Override
        public int write(TrackingStore s, Instant now, java.util.function.DoubleConsumer progress) {
            s.runs().create(dev.cairn.store.model.NewRun.in(experiment).withName("only"));
            progress.accept(0.5);
            return 1;
        }
    }
}
