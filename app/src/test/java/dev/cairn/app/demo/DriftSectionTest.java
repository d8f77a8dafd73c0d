package dev.cairn.app.demo;

import dev.cairn.app.drift.DriftReports;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift demo section, written alone into a real store. */
class DriftSectionTest {
    @TempDir
    static Path dir;
    static TrackingStore store;
    static DriftReport report;

    @BeforeAll
    static void generate() {
        store = TrackingStore.open(dir.resolve("drift-demo.db"));
        DemoData.generate(store, p -> { }, List.of(new DriftSection()), Instant.parse("2026-06-01T09:00:00Z"));
        report = DriftReports.builtIn().report(store, DriftSection.MODEL, store.drift().defaultVersion(DriftSection.MODEL));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aModelWithThreeVersionsPromotionsAndARollbackToVersionTwo() {
        List<ModelVersion> versions = store.registry().versions(DriftSection.MODEL);
        assertThat(versions).hasSize(3);
        assertThat(versions).allSatisfy(v -> assertThat(v.runId()).isNotNull());
        assertThat(store.drift().defaultVersion(DriftSection.MODEL)).isEqualTo(2);
        assertThat(store.registry().version(DriftSection.MODEL, 2).stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(store.registry().history(DriftSection.MODEL)).extracting(e -> e.action())
                .contains(EventAction.PROMOTE, EventAction.ROLLBACK);
    }

    @Test
    void thirtyDailyBatchesAgainstAFiveThousandRowReference() {
        assertThat(report.referenceRows()).isEqualTo(DriftSection.REFERENCE_ROWS);
        assertThat(report.batches()).hasSize(DriftSection.BATCHES);
        assertThat(report.batches()).allSatisfy(b -> assertThat(b.rows()).isEqualTo(DriftSection.BATCH_ROWS));
        assertThat(report.batches().get(1).time()).isEqualTo(report.batches().get(0).time().plusSeconds(86_400));
        assertThat(report.batches().get(29).time()).isBefore(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void tenureAndPlanDriftGraduallyTheOthersDoNot() {
        DriftReport.Batch first = report.batches().get(0);
        DriftReport.Batch last = report.latest().orElseThrow();
        assertThat(first.datasetDrift()).isFalse();
        assertThat(first.columns()).noneMatch(c -> c.drifted() && !c.name().equals("predicted_churn"));
        assertThat(last.datasetDrift()).isTrue();
        assertThat(last.column("tenure_months").orElseThrow().drifted()).isTrue();
        assertThat(last.column("tenure_months").orElseThrow().test()).isEqualTo("wasserstein");
        assertThat(last.column("plan").orElseThrow().drifted()).isTrue();
        assertThat(last.column("plan").orElseThrow().test()).isEqualTo("jensenshannon");
        assertThat(last.column("monthly_spend").orElseThrow().drifted()).isFalse();
        assertThat(last.column("region").orElseThrow().drifted()).isFalse();
        assertThat(last.column("tenure_months").orElseThrow().score())
                .isGreaterThan(report.batches().get(15).column("tenure_months").orElseThrow().score())
                .isGreaterThan(first.column("tenure_months").orElseThrow().score());
    }

    @Test
    void accuracyPerBatchFallsAsTheDataDrifts() {
        List<DatasetProfile> batches = store.drift().batches(DriftSection.MODEL, 2);
        double early = batches.get(0).performance().orElseThrow().value();
        double late = batches.get(batches.size() - 1).performance().orElseThrow().value();
        assertThat(batches.get(0).performance().orElseThrow().metric()).isEqualTo("accuracy");
        assertThat(early).isGreaterThan(late + 0.05);
    }
}
