package dev.cairn.app.monitoring;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift-share rules test only the batches they look at, with the figures the full drift report gives them: a
 * reference and six daily batches whose numeric feature shifts from the fourth day on, with the built-in tests.
 */
class RuleEvaluatorDriftTest {
    private static final Instant DAY0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final List<String> COLUMNS = List.of("x", "plan", "label", "prediction");

    @TempDir
    Path dir;
    TrackingStore store;
    final DriftReports drift = DriftReports.builtIn();

    @BeforeEach
    void open() {
        store = TrackingStore.open(dir.resolve("drift-rules.db"));
        store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
        DriftDatasets datasets = new DriftDatasets(store.drift());
        write(datasets.referenceWriter("churn", 1, COLUMNS, ProfileOptions.defaults().withLabel("label")
                .withPrediction("prediction")), -1, 0);
        for (int day = 0; day < 6; day++) {
            write(datasets.batchWriter("churn", 1, day(day), COLUMNS, ProfileOptions.defaults()), day,
                    day >= 3 ? 2.0 : 0.0);
        }
    }

    private static Instant day(int d) {
        return DAY0.plus(Duration.ofDays(d));
    }

    private static void write(DatasetWriter w, long seed, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 400; i++) {
            int label = r.nextDouble() < 0.3 ? 1 : 0;
            w.row(r.nextGaussian() + shift, r.nextDouble() < 0.5 ? "basic" : "pro", label,
                    r.nextDouble() < 0.9 ? label : 1 - label);
        }
        w.commit();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sharesOfSomeBatchesEqualTheFullReportsFigures() {
        DriftReport full = drift.report(store, "churn", 1);
        Map<Instant, Double> expected = new HashMap<>();
        full.batches().forEach(b -> expected.put(b.time(), b.driftShare()));
        assertThat(expected.get(day(1))).isZero();
        assertThat(expected.get(day(4))).isEqualTo(0.5);

        Map<Instant, Double> some = drift.shares(store, "churn", 1, day(4), 3);
        assertThat(some).containsOnlyKeys(day(2), day(3), day(4));
        some.forEach((t, share) -> assertThat(share).as(t.toString()).isEqualTo(expected.get(t)));
        assertThat(drift.shares(store, "churn", 1, null, 1)).containsOnlyKeys(day(5));
        assertThat(drift.shares(store, "churn", 1, day(0), 5)).containsOnlyKeys(day(0));
    }

    @Test
    void aRoleOnlyAnOlderBatchGivesStillCountsForTheWindow() {
        store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
        DriftDatasets datasets = new DriftDatasets(store.drift());
        write(datasets.referenceWriter("churn", 2, COLUMNS, ProfileOptions.defaults()), -1, 0);
        write(datasets.batchWriter("churn", 2, day(0), COLUMNS, ProfileOptions.defaults().withLabel("label")
                .withPrediction("prediction")), 0, 0);
        for (int day = 1; day < 4; day++) {
            write(datasets.batchWriter("churn", 2, day(day), COLUMNS, ProfileOptions.defaults()), day, 2.0);
        }
        assertThat(store.drift().batchRoles("churn", 2)).containsEntry("label", ColumnRole.LABEL)
                .containsEntry("prediction", ColumnRole.PREDICTION).containsEntry("x", ColumnRole.FEATURE);
        assertThat(store.drift().batches("churn", 2, day(2), 2)).extracting(p -> p.time())
                .containsExactly(day(1), day(2));
        Map<Instant, Double> expected = new HashMap<>();
        drift.report(store, "churn", 2).batches().forEach(b -> expected.put(b.time(), b.driftShare()));
        assertThat(expected.get(day(3))).as("x of 2 features (label and prediction are not features)").isEqualTo(0.5);
        assertThat(drift.shares(store, "churn", 2, day(3), 2)).containsEntry(day(3), 0.5)
                .containsEntry(day(2), expected.get(day(2)));
    }

    @Test
    void aDriftShareRuleFiresOnceItHeldForItsBatches() {
        store.monitoring().addRule(new AlertRule(0, "churn", null, RuleKind.DRIFT_SHARE, null, null, false, 0.4, 2));
        RuleEvaluator rules = new RuleEvaluator(store, () -> drift);
        assertThat(rules.evaluate("churn", 1, day(2)).firing()).isEmpty();
        assertThat(rules.evaluate("churn", 1, day(3)).firing()).as("one drifted batch is not two").isEmpty();
        RuleEvaluator.Evaluation fourth = rules.evaluate("churn", 1, day(4));
        assertThat(fourth.problems()).isEmpty();
        assertThat(fourth.firing()).singleElement().satisfies(f -> assertThat(f.value()).isEqualTo(0.5));
        assertThat(fourth.raised()).hasSize(1);
    }
}
