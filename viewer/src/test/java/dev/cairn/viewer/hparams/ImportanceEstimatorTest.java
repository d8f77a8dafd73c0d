package dev.cairn.viewer.hparams;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricAggregate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Importance on synthetic sweeps where the answer is known. */
class ImportanceEstimatorTest {
    private static final Target LOSS = new Target("loss", MetricAggregate.LAST, Goal.MINIMISE);

    @TempDir
    Path dir;

    private SweepTable sweep(TrackingStore store, int runs, boolean lossFromOptimizer) {
        Random random = new Random(42);
        String[] optimizers = {"adam", "sgd", "rmsprop"};
        List<Map<String, String>> params = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            params.add(Map.of(
                    "lr", String.valueOf(Math.pow(10, -4 + 3 * random.nextDouble())),
                    "dropout", String.valueOf(0.5 * random.nextDouble()),
                    "batch", String.valueOf(16 << random.nextInt(4)),
                    "optimizer", optimizers[random.nextInt(3)],
                    "seed", String.valueOf(random.nextInt(1000))));
        }
        List<String> ids = SweepStores.write(store, "sweep", runs, params::get, "loss", p -> lossFromOptimizer
                ? (p.get("optimizer").equals("sgd") ? 1.0 : 0.2)
                : Math.pow(Math.log10(Double.parseDouble(p.get("lr"))) + 2.5, 2));
        return SweepTable.of(SweepStores.details(store, ids), LOSS);
    }

    @Test
    void theOnlyParamTheMetricDependsOnRanksFirst() {
        try (TrackingStore store = TrackingStore.open(dir.resolve("a.db"))) {
            SweepTable table = sweep(store, 300, false);
            List<Double> progress = new ArrayList<>();
            ImportanceReport report = new ImportanceEstimator(20, 1).estimate(table, table.varyingParams(),
                    progress::add);
            assertThat(report.reliable()).isTrue();
            assertThat(report.runCount()).isEqualTo(300);
            assertThat(report.params()).extracting(ParamImportance::param).first().isEqualTo("lr");
            ParamImportance lr = report.params().get(0);
            assertThat(lr.importance()).isGreaterThan(0.5);
            for (ParamImportance other : report.params().subList(1, report.params().size())) {
                assertThat(other.importance()).isLessThan(lr.importance() / 10);
            }
            assertThat(report.explanation()).contains("300 runs").contains("Spearman");
            assertThat(progress).isNotEmpty().isSorted();
            assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        }
    }

    @Test
    void aCategoricalParamIsFoundThroughItsOneHotFeatures() {
        try (TrackingStore store = TrackingStore.open(dir.resolve("b.db"))) {
            SweepTable table = sweep(store, 60, true);
            ImportanceReport report = new ImportanceEstimator(20, 1).estimate(table, table.varyingParams(), f -> { });
            assertThat(report.params().get(0).param()).isEqualTo("optimizer");
            assertThat(report.params().get(0).spearman()).isNaN();
        }
    }

    @Test
    void tooFewRunsGiveNoNumbers() {
        try (TrackingStore store = TrackingStore.open(dir.resolve("c.db"))) {
            SweepTable table = sweep(store, 9, false);
            ImportanceReport report = new ImportanceEstimator().estimate(table, table.varyingParams(), f -> { });
            assertThat(report.reliable()).isFalse();
            assertThat(report.explanation()).startsWith("Too few runs for a reliable estimate").contains("9 runs");
            assertThat(report.params()).allSatisfy(p -> assertThat(p.importance()).isNaN());
        }
    }
}
