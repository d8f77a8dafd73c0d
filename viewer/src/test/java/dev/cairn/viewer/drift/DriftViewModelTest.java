package dev.cairn.viewer.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.profiling.DatasetWriter;
import dev.cairn.store.profiling.DriftDatasets;
import dev.cairn.store.profiling.ProfileOptions;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import dev.cairn.viewer.common.DirectTaskRunner;
import dev.cairn.viewer.common.GoLiveMarks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift view-model on a real store. The viewer cannot see the drift-test plugins, so the report comes from
 * {@link MeanShiftReports}: a small, real computation over the stored profiles (shift of the mean in reference
 * standard deviations for numbers, total variation distance for categories).
 */
class DriftViewModelTest {
    private static final Instant DAY0 = Instant.parse("2026-04-01T00:00:00Z");

    @TempDir
    Path dir;
    TrackingStore store;
    DriftViewModel vm;

    @BeforeEach
    void open() {
        store = TrackingStore.open(dir.resolve("vm.db"));
        store.registry().register(NewModelVersion.of("fraud"), ChangeOptions.by("ann").at(DAY0.minusSeconds(86_400 * 10).toEpochMilli()));
        store.registry().register(NewModelVersion.of("fraud"), ChangeOptions.by("ann").at(DAY0.minusSeconds(86_400 * 5).toEpochMilli()));
        store.registry().promote("fraud", 1, Stage.PRODUCTION, Expectation.nothing(),
                ChangeOptions.by("ann").at(DAY0.minusSeconds(86_400 * 9).toEpochMilli()));
        store.registry().promote("fraud", 2, Stage.PRODUCTION, Expectation.nothing(),
                ChangeOptions.by("ann").archivingExisting().at(DAY0.plusSeconds(86_400 * 2).toEpochMilli()));
        write(new DriftDatasets(store.drift()).referenceWriter("fraud", 2, List.of("amount", "country", "pred", "label"),
                ProfileOptions.defaults().withPrediction("pred").withLabel("label")), 0, 0);
        for (int day = 0; day < 5; day++) {
            write(new DriftDatasets(store.drift()).batchWriter("fraud", 2, DAY0.plusSeconds(86_400L * day),
                    List.of("amount", "country", "pred", "label"), ProfileOptions.defaults()), day, day);
        }
        vm = new DriftViewModel(store, new MeanShiftReports(), new DirectTaskRunner());
    }

    private static void write(DatasetWriter w, int seed, int drift) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            double amount = 100 + 20 * r.nextGaussian() + 12 * drift;
            String country = r.nextDouble() < 0.2 + 0.15 * drift ? "fr" : "de";
            String truth = r.nextDouble() < 0.1 ? "fraud" : "ok";
            String pred = r.nextDouble() < 0.9 - 0.1 * drift ? truth : "fraud".equals(truth) ? "ok" : "fraud";
            w.row(amount, country, pred, truth);
        }
        w.commit();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void reloadOpensTheProductionVersionWithASummary() {
        vm.reload();
        assertThat(vm.models()).containsExactly("fraud");
        assertThat(vm.model().get()).isEqualTo("fraud");
        assertThat(vm.version().get()).isEqualTo(2);
        assertThat(vm.versions()).containsExactly(1, 2);
        assertThat(vm.batchCount().get()).isEqualTo("5");
        assertThat(vm.referenceSize().get()).isEqualTo("500 rows");
        assertThat(vm.latestDrifted().get()).isTrue();
        assertThat(vm.status().get()).isEqualTo("Latest batch drifted");
        assertThat(vm.share().get()).isEqualTo("2 of 2 columns (100%)");
        assertThat(vm.snapshot().get().golive()).hasSize(2);
        assertThat(vm.snapshot().get().columnNames()).containsExactly("amount", "country", "pred");
    }

    @Test
    void aDeletedVersionKeepsItsGoLiveMarkLabelledDeleted() {
        store.registry().deleteVersion("fraud", 1, Expectation.nothing(), ChangeOptions.by("bob"));
        store.registry().setAlias("fraud", "champion", 2, Expectation.nothing(), ChangeOptions.by("bob"));
        vm.reload();
        assertThat(vm.snapshot().get().golive()).extracting(GoLiveMarks.Mark::label)
                .containsExactly("v1 live (deleted)", "v2 live");
    }

    @Test
    void selectingACellShowsThatBatchAndColumn() {
        vm.reload();
        assertThat(vm.selectedBatch().get()).isEqualTo(4);
        vm.selectCell("country", 0);
        assertThat(vm.selectedBatch().get()).isZero();
        assertThat(vm.columnRows()).extracting(ColumnRow::name).contains("country");
        Distribution d = vm.distribution().get();
        assertThat(d.column()).isEqualTo("country");
        assertThat(d.numeric()).isFalse();
        assertThat(d.labels()).containsExactlyInAnyOrder("de", "fr");
        assertThat(d.reference()[d.labels().indexOf("fr")]).isBetween(0.15, 0.25);
        assertThat(vm.chartedColumns()).contains("country");

        vm.selectCell("amount", 4);
        Distribution amount = vm.distribution().get();
        assertThat(amount.numeric()).isTrue();
        assertThat(amount.edges()).hasSize(Distribution.BINS + 1);
        assertThat(java.util.Arrays.stream(amount.reference()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(amount.result().drifted()).isTrue();
    }

    @Test
    void tableIsSortedBySeverityAndSearchable() {
        vm.reload();
        vm.selectCell("amount", 4);
        List<Double> severities = new ArrayList<>(vm.columnRows().stream().filter(ColumnRow::drifted)
                .map(ColumnRow::severity).toList());
        assertThat(severities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(vm.columnRows().get(0).drifted()).isTrue();
        vm.search().set("COUN");
        assertThat(vm.columnRows()).extracting(ColumnRow::name).containsExactly("country");
        vm.search().set("");
        assertThat(vm.columnRows()).hasSize(3);
    }

    @Test
    void aVersionWithoutReferenceSaysHowToAddOne() {
        vm.open("fraud", 1);
        assertThat(vm.snapshot().get()).isNull();
        assertThat(vm.message().get()).contains("fraud v1 has no reference").contains("cairn drift reference");
        assertThat(vm.columnRows()).isEmpty();
    }

    @Test
    void aDroppedCsvBecomesABatch() throws Exception {
        vm.reload();
        Path csv = dir.resolve("today.csv");
        Files.writeString(csv, "amount,country,pred,label\n100,de,ok,ok\n104,fr,ok,fraud\n");
        vm.addBatch(csv, DAY0.plusSeconds(86_400 * 6));
        assertThat(store.drift().batches("fraud", 2)).hasSize(6);
        assertThat(vm.batchCount().get()).isEqualTo("6");
        assertThat(vm.message().get()).contains("today.csv");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "amount,country,pred,label\n100,de\n");
        vm.addBatch(bad, DAY0.plusSeconds(86_400 * 7));
        assertThat(vm.message().get()).contains("bad.csv, line 2");
        assertThat(store.drift().batches("fraud", 2)).hasSize(6);
    }

    @Test
    void severityIsTheScoreNormalisedToTheThreshold() {
        assertThat(column(0.2, null, 0.1, true).severity()).isEqualTo(2.0);
        assertThat(column(0.05, 0.05, 0.05, false).severity()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(column(1.0, 1.0, 0.05, false).severity()).isZero();
        assertThat(column(0.0, 0.0, 0.05, false).severity()).isEqualTo(DriftReport.Column.MAX_SEVERITY);
    }

    private static DriftReport.Column column(double score, Double p, double threshold, boolean distance) {
        return new DriftReport.Column("c", dev.cairn.store.drift.ColumnType.NUMERIC,
                dev.cairn.store.drift.ColumnRole.FEATURE, "t", score, p, threshold, distance, false, null);
    }

    /** A real (if simple) report over stored profiles, standing in for the app's plugin-based computation. */
    static final class MeanShiftReports implements DriftReportSource {
        @Override
        public DriftReport report(TrackingStore s, String model, int version) {
            DatasetProfile ref = s.drift().reference(model, version).orElseThrow();
            List<DriftReport.Batch> batches = new ArrayList<>();
            for (DatasetProfile b : s.drift().batches(model, version)) {
                List<DriftReport.Column> cols = new ArrayList<>();
                int drifted = 0;
                int tested = 0;
                for (ColumnProfile rc : ref.columns()) {
                    if (rc.role() == dev.cairn.store.drift.ColumnRole.LABEL) {
                        continue;
                    }
                    ColumnProfile bc = b.column(rc.name()).orElseThrow();
                    double score = rc.type().isNumeric()
                            ? Math.abs(bc.numeric().mean() - rc.numeric().mean()) / rc.numeric().std()
                            : tv(rc, bc);
                    boolean d = score >= 0.1;
                    cols.add(new DriftReport.Column(rc.name(), rc.type(), rc.role(), "meanshift", score, null, 0.1, true,
                            d, null));
                    if (rc.role() == dev.cairn.store.drift.ColumnRole.FEATURE) {
                        tested++;
                        drifted += d ? 1 : 0;
                    }
                }
                double share = (double) drifted / tested;
                batches.add(new DriftReport.Batch(b.id(), b.time(), b.rowCount(), share >= 0.5, share, drifted, tested,
                        b.performance(), cols));
            }
            return new DriftReport(model, version, ref.rowCount(), batches);
        }

        private static double tv(ColumnProfile a, ColumnProfile b) {
            java.util.Set<String> keys = new java.util.HashSet<>(a.valueCounts().keySet());
            keys.addAll(b.valueCounts().keySet());
            double sum = 0;
            for (String k : keys) {
                sum += Math.abs(a.valueCounts().getOrDefault(k, 0L) / (double) a.present()
                        - b.valueCounts().getOrDefault(k, 0L) / (double) b.present());
            }
            return sum / 2;
        }
    }
}
