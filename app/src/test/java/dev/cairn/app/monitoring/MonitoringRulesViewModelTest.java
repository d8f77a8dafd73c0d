package dev.cairn.app.monitoring;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.monitoring.MonitoringViewModel;
import dev.cairn.viewer.monitoring.RuleAdding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring view-model's rules pane without a stage, on a real SQLite store with six labelled daily batches
 * whose accuracy falls (about 0.88 to 0.69), and the app's real rule evaluator behind "Add rule".
 */
class MonitoringRulesViewModelTest {
    @TempDir
    Path dir;
    TrackingStore store;
    MonitoringViewModel vm;

    @BeforeEach
    void open() {
        store = TrackingStore.open(dir.resolve("rules.db"));
        store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
        MonitoringBenchmark.writeDailyBatches(store, "churn", 1, 6, 200);
        vm = new MonitoringViewModel(store, new DirectTaskRunner(), "ann", (s, rule) -> {
            RuleEvaluator.Added added = new RuleEvaluator(s, DriftReports::builtIn).add(rule);
            return new RuleAdding.Added(added.rule(), added.lines());
        });
        vm.reload();
        assertThat(vm.snapshot().get()).isNotNull();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aThresholdThatIsNotANumberIsShownInTheFormAndNothingIsStored() {
        for (String bad : new String[] {"abc", "0.8x", "1d", "NaN", "Infinity", "0x1p3", ""}) {
            vm.ruleThreshold().set(bad);
            assertThat(vm.addRule()).as(bad).isFalse();
            assertThat(vm.ruleError().get()).as(bad).startsWith("Threshold: ");
        }
        vm.ruleThreshold().set("abc");
        vm.addRule();
        assertThat(vm.ruleError().get()).isEqualTo("Threshold: 'abc' is not a number (for example 0.8).");
        vm.ruleThreshold().set("0.8");
        vm.ruleFor().set("0");
        assertThat(vm.addRule()).isFalse();
        assertThat(vm.ruleError().get()).isEqualTo("For: '0' is not a whole number of batches (1 or more).");
        vm.ruleFor().set("two");
        assertThat(vm.addRule()).isFalse();
        assertThat(store.monitoring().rules("churn")).isEmpty();
        assertThat(vm.rules()).isEmpty();
    }

    @Test
    void anAddedRuleIsEvaluatedOnTheNewestBatchAndItsAlertIsListed() {
        vm.ruleThreshold().set(" 0.8 ");
        vm.ruleFor().set("2");
        assertThat(vm.addRule()).isTrue();

        assertThat(vm.ruleError().get()).isEmpty();
        AlertRule stored = store.monitoring().rules("churn").get(0);
        assertThat(stored.kind()).isEqualTo(RuleKind.METRIC);
        assertThat(stored.metric()).isEqualTo("accuracy");
        assertThat(stored.below()).isTrue();
        assertThat(stored.threshold()).isEqualTo(0.8);
        assertThat(stored.forBatches()).isEqualTo(2);
        assertThat(stored.version()).isNull();
        assertThat(vm.rules()).containsExactly(stored);
        assertThat(vm.ruleStatus().get()).startsWith("Added rule #" + stored.id() + ": accuracy below 0.8 for 2 batches.")
                .contains("Holds on the newest batch of v1 (2026-01-06T00:00:00Z): accuracy is 0.")
                .contains("alert recorded");
        assertThat(vm.ruleThreshold().get()).as("the form is ready for the next rule").isEmpty();
        assertThat(vm.alertLines()).singleElement().satisfies(l -> assertThat(l).startsWith("2026-01-06  #"
                + stored.id() + "  accuracy is 0."));
        assertThat(store.monitoring().alerts("churn")).singleElement()
                .satisfies(a -> assertThat(a.batchTime()).hasToString("2026-01-06T00:00:00Z"));
        assertThat(store.registry().history("churn").stream().filter(e -> e.action() == EventAction.ALERT)).hasSize(1);
    }

    @Test
    void aRuleThatDoesNotHoldSaysSoAndRaisesNothing() {
        vm.ruleDirection().set("above");
        vm.ruleThreshold().set("0.95");
        vm.ruleThisVersionOnly().set(true);
        assertThat(vm.addRule()).isTrue();
        assertThat(store.monitoring().rules("churn")).singleElement().satisfies(r -> {
            assertThat(r.below()).isFalse();
            assertThat(r.version()).isEqualTo(1);
        });
        assertThat(vm.ruleStatus().get()).contains("Does not hold on the newest batch of v1");
        assertThat(vm.alertLines()).isEmpty();
    }

    @Test
    void theFormOffersTheMetricsOfTheKindAndTheVersionsSegments() {
        assertThat(vm.ruleMetrics()).containsExactly("accuracy", "precision", "recall", "f1", "rocAuc", "logLoss");
        vm.ruleKind().set(RuleKind.SLICE_GAP);
        assertThat(vm.ruleMetrics()).contains("recall", "demographicParity", "equalOpportunity");
        assertThat(vm.ruleSegments()).containsExactly(MonitoringViewModel.ANY_SEGMENT, "segment");
        vm.ruleMetric().set("equalOpportunity");
        vm.ruleSegment().set("segment");
        vm.ruleDirection().set("above");
        vm.ruleThreshold().set("1e-3");
        assertThat(vm.addRule()).isTrue();
        assertThat(store.monitoring().rules("churn")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RuleKind.SLICE_GAP);
            assertThat(r.segment()).isEqualTo("segment");
            assertThat(r.threshold()).isEqualTo(0.001);
        });
        vm.ruleKind().set(RuleKind.DRIFT_SHARE);
        assertThat(vm.ruleMetrics()).isEmpty();
        assertThat(vm.ruleMetric().get()).isNull();
    }

    @Test
    void aDriftShareRuleOnAVersionWithoutReferenceIsStoredAndSaysWhyItWasNotEvaluated() {
        vm.ruleKind().set(RuleKind.DRIFT_SHARE);
        vm.ruleDirection().set("above");
        vm.ruleThreshold().set("0.5");
        assertThat(vm.addRule()).isTrue();
        assertThat(store.monitoring().rules("churn")).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(RuleKind.DRIFT_SHARE));
        assertThat(vm.ruleStatus().get()).contains("drift-share rules skipped").contains("no reference dataset");
    }

    @Test
    void removingARuleKeepsItsAlertsInTheHistory() {
        vm.ruleThreshold().set("0.9");
        vm.addRule();
        AlertRule rule = vm.rules().get(0);
        assertThat(vm.alertLines()).hasSize(1);

        vm.removeRule(rule);
        assertThat(vm.rules()).isEmpty();
        assertThat(store.monitoring().rules("churn")).isEmpty();
        assertThat(vm.ruleStatus().get()).isEqualTo("Removed rule #" + rule.id()
                + " (its alerts stay in the model history).");
        assertThat(store.registry().history("churn").stream().filter(e -> e.action() == EventAction.ALERT)).hasSize(1);

        vm.removeRule(rule);
        assertThat(vm.ruleError().get()).isEqualTo("Rule #" + rule.id() + " was already removed.");
    }

    @Test
    void withoutTheAppsEvaluatorTheFormSaysSoAndStoresNothing() {
        MonitoringViewModel listing = new MonitoringViewModel(store, new DirectTaskRunner(), "ann");
        listing.reload();
        listing.ruleThreshold().set("0.8");
        assertThat(listing.canAddRules()).isFalse();
        assertThat(listing.addRule()).isFalse();
        assertThat(listing.ruleError().get()).contains("cairn monitor rule add");
        assertThat(store.monitoring().rules("churn")).isEmpty();
    }
}
