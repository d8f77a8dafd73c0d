package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Lightning CSVLogger samples, imported into a real store and checked against the raw files. */
class LightningFixturesTest {
    private static final String MNIST = "lightning_csv/Awritrojit__AIOPS_learning_mnist";
    private static final String ASL = "lightning_csv/Kamil-Jan__asl_project";

    @TempDir
    Path tmp;

    @Test
    void nineteenVersionsInNumericOrderWithMetricsMatchingTheRawCsv() throws Exception {
        Path root = Fixtures.get(MNIST);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new LightningCsvImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(ctx.warnings).isEmpty();
            List<String> expectedNames = new ArrayList<>();
            for (int v = 0; v <= 18; v++) {
                expectedNames.add("lightning_logs/version_" + v);
            }
            assertThat(sink.written).extracting(ImportedRun::name).containsExactlyElementsOf(expectedNames);
            int withMetrics = 0;
            for (ImportedRun run : sink.written) {
                assertThat(run.id()).isEqualTo(LightningCsvImporter.runId("Awritrojit__AIOPS_learning_mnist", run.name()));
                assertThat(run.experiment()).isEqualTo("Awritrojit__AIOPS_learning_mnist");
                assertThat(store.runs().params(run.id())).isEmpty(); // hparams.yaml is {}
                Path csv = root.resolve(run.name()).resolve("metrics.csv");
                Map<String, MetricSummary> stored = store.metrics().summaries(run.id());
                if (!Files.exists(csv)) {
                    assertThat(stored).isEmpty();
                    continue;
                }
                withMetrics++;
                assertMatchesRaw(csv, stored);
            }
            assertThat(withMetrics).isEqualTo(8);
            String v18 = LightningCsvImporter.runId("Awritrojit__AIOPS_learning_mnist", "lightning_logs/version_18");
            assertThat(store.metrics().summaries(v18).keySet()).containsExactlyInAnyOrder("acc_epoch", "acc_step",
                    "avg_test_acc", "avg_test_loss", "epoch", "test_acc", "test_loss", "train_loss_epoch",
                    "train_loss_step");
            String v0 = LightningCsvImporter.runId("Awritrojit__AIOPS_learning_mnist", "lightning_logs/version_0");
            MetricSummary acc = store.metrics().summaries(v0).get("acc_epoch");
            assertThat(acc.count()).isEqualTo(3);
            assertThat(acc.lastStep()).isEqualTo(11);
            assertThat(acc.last()).isEqualTo(0.53125);
            assertThat(acc.min()).isEqualTo(0.15625);
        }
    }

    @Test
    void nestedHparamsFlattenWithDotsAndListsStayJson() throws Exception {
        Path root = Fixtures.get(ASL);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new LightningCsvImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(sink.written).singleElement().extracting(ImportedRun::name)
                    .isEqualTo("lightning_logs/version_0");
            String id = sink.written.get(0).id();
            Map<String, String> params = store.runs().params(id);
            assertThat(params).containsEntry("cfg.project_name", "asl_classification")
                    .containsEntry("cfg.seed", "42")
                    .containsEntry("cfg.data.img_size", "[200,200]")
                    .containsEntry("cfg.data.batch_size", "64")
                    .containsEntry("cfg.data.val_split", "0.1")
                    .containsEntry("cfg.model.lr", "0.001")
                    .containsEntry("cfg.trainer.accelerator", "auto")
                    .doesNotContainKey("cfg").doesNotContainKey("cfg.data");
            Path csv = root.resolve("lightning_logs/version_0/metrics.csv");
            assertThat(Files.readString(csv)).contains("\r\n");
            Map<String, MetricSummary> stored = store.metrics().summaries(id);
            assertThat(stored.keySet()).containsExactlyInAnyOrder("epoch", "train_acc", "train_loss_epoch",
                    "train_loss_step", "val_acc", "val_f1", "val_loss");
            assertMatchesRaw(csv, stored);
            assertThat(stored.get("val_acc").last()).isEqualTo(0.996781587600708);
            assertThat(stored.get("val_acc").lastStep()).isEqualTo(10879);
        }
    }

    @Test
    void importingTwiceKeepsIdsAndAddsNothing() throws Exception {
        for (String fixture : List.of(MNIST, ASL)) {
            try (TrackingStore store = TrackingStore.open(tmp.resolve(fixture.replace('/', '_') + ".db"))) {
                StoreSink first = new StoreSink(store);
                new LightningCsvImporter().importFrom(Fixtures.get(fixture), first, new RecordingContext());
                StoreSink second = new StoreSink(store);
                new LightningCsvImporter().importFrom(Fixtures.get(fixture), second, new RecordingContext());
                assertThat(first.outcomes).containsOnly(ImportSink.Outcome.ADDED);
                assertThat(second.outcomes).containsOnly(ImportSink.Outcome.UNCHANGED);
                assertThat(second.written).extracting(ImportedRun::id)
                        .containsExactlyElementsOf(first.written.stream().map(ImportedRun::id).toList());
            }
        }
    }

    @Test
    void importingOneVersionFolderNamesItRelativeToItsParent() throws Exception {
        Path version = Fixtures.get(MNIST).resolve("lightning_logs/version_2");
        List<ImportedRun> runs = new ArrayList<>();
        new LightningCsvImporter().importFrom(version, new CollectingSink(runs), new RecordingContext());
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("version_2");
            assertThat(r.experiment()).isEqualTo("lightning_logs");
        });
        assertThat(new LightningCsvImporter().probe(version)).isGreaterThan(0.8);
        assertThat(new LightningCsvImporter().probe(Fixtures.get(MNIST))).isGreaterThan(0.8);
        assertThat(new LightningCsvImporter().probe(Fixtures.get("keras_csv"))).isZero();
    }

    static void assertMatchesRaw(Path csv, Map<String, MetricSummary> stored) throws Exception {
        List<String[]> rows = RawCsv.rows(csv);
        int stepCol = Arrays.asList(rows.get(0)).indexOf("step");
        Map<String, RawCsv.Expected> expected = RawCsv.expected(rows, stepCol);
        assertThat(stored.keySet()).as(csv.toString()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, e) -> {
            MetricSummary s = stored.get(key);
            assertThat(s.count()).as(csv + " " + key + " count").isEqualTo(e.count());
            assertThat(s.lastStep()).as(csv + " " + key + " lastStep").isEqualTo(e.lastStep());
            assertThat(s.last()).as(csv + " " + key + " last").isEqualTo(e.last());
            assertThat(s.min()).as(csv + " " + key + " min").isEqualTo(e.min());
            assertThat(s.max()).as(csv + " " + key + " max").isEqualTo(e.max());
        });
    }
}
