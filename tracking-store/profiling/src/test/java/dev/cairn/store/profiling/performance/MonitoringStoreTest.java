package dev.cairn.store.profiling.performance;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.monitoring.Task;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Performance stored with a batch and read back, rules and alerts, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class MonitoringStoreTest extends StoreContract {
    private static final String CSV = """
            age,region,churned,prediction,prediction@3,score,score@3
            30,north,1,1,1,0.9,0.8
            41,north,0,1,0,0.6,0.2
            25,south,1,0,1,0.4,0.7
            33,south,0,0,0,0.1,0.3
            52,south,1,1,1,0.8,0.9
            47,east,0,0,1,0.3,0.6
            38,east,,1,1,0.7,0.7
            """;

    @Test
    void batchPerformanceIsStoredWithTheBatchAndReadBackExactly() {
        try (TrackingStore store = stores.open("m.db")) {
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            Instant t = Instant.parse("2026-03-01T00:00:00Z");
            new DriftDatasets(store.drift()).addBatch("churn", 2, t, "day1.csv", new StringReader(CSV),
                    ProfileOptions.defaults().withLabel("churned").withPrediction("prediction").withScore("score")
                            .withSegments(List.of("region")));
            List<MonitoredBatch> batches = store.monitoring().batches("churn", 2);
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).time()).isEqualTo(t);
            assertThat(batches.get(0).rows()).isEqualTo(7);
            BatchPerformance perf = batches.get(0).performance().orElseThrow();
            PredictorPerformance v2 = perf.primary();
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(v2.positive()).isEqualTo("1");
            assertThat(v2.overall().rows()).isEqualTo(7);
            assertThat(v2.overall().labelled()).isEqualTo(6);
            assertThat(v2.overall().metrics()).containsOnlyKeys("accuracy", "precision", "recall", "f1", "rocAuc",
                    "logLoss");
            assertThat(v2.overall().metrics().get("accuracy")).isCloseTo(4.0 / 6, within(1e-12));
            assertThat(v2.overall().confusion().count("1", "0")).isEqualTo(1);
            assertThat(v2.slices().get("region").keySet()).containsExactly("east", "north", "south");
            assertThat(v2.slices().get("region").get("east").rows()).isEqualTo(2);
            assertThat(v2.slices().get("region").get("east").labelled()).isEqualTo(1);
            assertThat(v2.sliceGaps().get("region")).containsKeys("accuracy", "demographicParity", "equalOpportunity");
            PredictorPerformance v3 = perf.of(3).orElseThrow();
            assertThat(v3.column()).isEqualTo("prediction@3");
            assertThat(v3.overall().metrics().get("accuracy")).isCloseTo(5.0 / 6, within(1e-12));
            assertThat(v3.overall().metrics()).containsKey("rocAuc");
            PairedTest test = perf.comparisons().get(0);
            assertThat(test.test()).isEqualTo(PairedTest.MCNEMAR);
            assertThat(test.champion()).isEqualTo(2);
            assertThat(test.challenger()).isEqualTo(3);
            assertThat(test.rows()).isEqualTo(6);
            assertThat(store.monitoring().performance(batches.get(0).datasetId())).contains(perf);
            assertThat(store.monitoring().batches("churn", 2, t, 3)).containsExactlyElementsOf(batches);
            assertThat(store.monitoring().batches("churn", 2, t.minusSeconds(1), 3)).isEmpty();
            BatchPerformance overview = store.monitoring().overview("churn", 2).get(0).performance().orElseThrow();
            assertThat(overview.primary().overall()).isEqualTo(v2.overall());
            assertThat(overview.primary().slices()).isEmpty();
            assertThat(overview.comparisons()).isEqualTo(perf.comparisons());

            // the same batch time again replaces it and its performance
            new DriftDatasets(store.drift()).addBatch("churn", 2, t, "day1.csv", new StringReader(CSV),
                    ProfileOptions.defaults().withLabel("churned").withPrediction("prediction"));
            BatchPerformance again = store.monitoring().batches("churn", 2).get(0).performance().orElseThrow();
            assertThat(again.primary().overall().metrics()).doesNotContainKey("rocAuc");
            assertThat(again.primary().slices()).isEmpty();
        }
    }

    @Test
    void rulesAndAlertsAreKeptAndAnAlertIsAnEventInTheModelHistory() {
        try (TrackingStore store = stores.open("r.db")) {
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("alice"));
            AlertRule rule = store.monitoring().addRule(new AlertRule(0, "churn", null, RuleKind.METRIC, "accuracy",
                    null, true, 0.8, 2));
            AlertRule gap = store.monitoring().addRule(new AlertRule(0, "churn", 1, RuleKind.SLICE_GAP, "recall",
                    "region", false, 0.1, 1));
            assertThat(store.monitoring().rules("churn")).containsExactly(rule, gap);
            Instant t = Instant.parse("2026-03-02T00:00:00Z");
            Alert a = store.monitoring().raise(rule, 1, t, 0.7, "accuracy 0.7 below 0.8").orElseThrow();
            assertThat(store.monitoring().raise(rule, 1, t, 0.7, "again")).isEmpty();
            assertThat(store.monitoring().alerts("churn")).containsExactly(a);
            assertThat(store.registry().history("churn")).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo(EventAction.ALERT);
                assertThat(e.version()).isEqualTo(1);
                assertThat(e.describe()).isEqualTo("alert on version 1: accuracy 0.7 below 0.8");
            });
            store.monitoring().markDelivered("churn", a.id());
            assertThat(store.monitoring().alerts("churn").get(0).delivered()).isTrue();
            assertThat(store.monitoring().removeRule("churn", rule.id())).isTrue();
            assertThat(store.monitoring().removeRule("churn", rule.id())).isFalse();
            assertThat(store.monitoring().rules("churn")).containsExactly(gap);
            assertThat(store.monitoring().alerts("churn")).hasSize(1);
        }
    }
}
