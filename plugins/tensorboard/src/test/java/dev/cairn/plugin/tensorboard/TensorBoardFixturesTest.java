package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Imports the real TensorBoard samples in shared/fixtures into a real store and checks them against the raw files. */
class TensorBoardFixturesTest {
    private static final String KERAS = "tfevents/TheCodeheadMT__TensorBoard-Tutorial";
    private static final String YOLO = "tfevents/Grafit-Kil__helmet-detection-yolov5";

    @TempDir
    Path tmp;

    @Test
    void kerasTf2TensorScalarsImportTwoRunsAndSkipTheRest() throws Exception {
        Path root = Fixtures.get(KERAS);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new TensorBoardImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(sink.written).extracting(ImportedRun::name).containsExactly(
                    "archive/experiments/Exp_0_adam_200_0.2/train",
                    "archive/experiments/Exp_0_adam_200_0.2/validation");
            assertThat(ctx.warnings).anySatisfy(w -> assertThat(w)
                    .contains("Exp_0_adam_200_0.2/train").contains("40 histograms").contains("40 images")
                    .contains("2 graphs"));
            assertThat(ctx.warnings).anySatisfy(w -> assertThat(w)
                    .contains("hparam_tuning").contains("hparams experiment definition").contains("not imported"));

            String trainId = TensorBoardImporter.runId("TheCodeheadMT__TensorBoard-Tutorial", "archive/experiments/Exp_0_adam_200_0.2/train");
            String valId = TensorBoardImporter.runId("TheCodeheadMT__TensorBoard-Tutorial", "archive/experiments/Exp_0_adam_200_0.2/validation");
            Run train = store.runs().require(trainId);
            assertThat(train.experimentName()).isEqualTo("TheCodeheadMT__TensorBoard-Tutorial");

            Map<String, MetricSummary> trainMetrics = store.metrics().summaries(trainId);
            assertThat(trainMetrics.keySet()).containsExactlyInAnyOrder("epoch_loss", "epoch_accuracy");
            MetricSummary acc = trainMetrics.get("epoch_accuracy");
            assertThat(acc.count()).isEqualTo(10);
            assertThat(acc.lastStep()).isEqualTo(9);
            assertThat(acc.last()).isEqualTo(acc.max());
            assertRawFileHoldsFloat(root.resolve("archive/experiments/Exp_0_adam_200_0.2/train"), (float) acc.last());
            assertThat(acc.last()).isCloseTo(0.9895, within(1e-4));

            Map<String, MetricSummary> valMetrics = store.metrics().summaries(valId);
            assertThat(valMetrics.keySet()).containsExactlyInAnyOrder("epoch_loss", "epoch_accuracy",
                    "evaluation_loss_vs_iterations", "evaluation_accuracy_vs_iterations");
            // two step scales in one file: epochs 0..9 and iterations 1500..15000
            MetricSeries iterations = store.metrics().read(valId, "evaluation_loss_vs_iterations");
            assertThat(iterations.steps()).containsExactly(1500, 3000, 4500, 6000, 7500, 9000, 10500, 12000,
                    13500, 15000);
            assertThat(store.metrics().read(valId, "epoch_loss").steps()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7,
                    8, 9);
            assertThat(valMetrics.get("evaluation_loss_vs_iterations").last())
                    .isEqualTo(valMetrics.get("epoch_loss").last());
            assertRawFileHoldsFloat(root.resolve("archive/experiments/Exp_0_adam_200_0.2/validation"),
                    (float) valMetrics.get("epoch_loss").last());
            assertThat(train.startMs() / 1000).isEqualTo(1690483602L);
        }
    }

    @Test
    void pytorchSimpleValuesMatchTheYoloResultsCsvWrittenAlongside() throws Exception {
        Path root = Fixtures.get(YOLO);
        Path runDir = root.resolve("runs/train/exp2");
        List<String> csv = Files.readAllLines(runDir.resolve("results.csv"));
        String[] header = csv.get(0).split(",");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new TensorBoardImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(sink.written).hasSize(1);
            assertThat(ctx.warnings).singleElement().asString().contains("6 images").contains("1 graphs");
            String id = TensorBoardImporter.runId("Grafit-Kil__helmet-detection-yolov5", "runs/train/exp2");
            Map<String, MetricSummary> metrics = store.metrics().summaries(id);

            List<String> expectedKeys = new ArrayList<>();
            for (int col = 1; col < header.length; col++) {
                String key = header[col].strip();
                expectedKeys.add(key);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double last = Double.NaN;
                for (String line : csv.subList(1, csv.size())) {
                    double v = Double.parseDouble(line.split(",")[col].strip());
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    last = v;
                }
                MetricSummary s = metrics.get(key);
                assertThat(s).as(key).isNotNull();
                assertThat(s.count()).as(key).isEqualTo(csv.size() - 1);
                assertThat(s.lastStep()).isEqualTo(csv.size() - 2);
                assertThat(s.last()).as(key + " last").isCloseTo(last, within(1e-4 * Math.abs(last) + 1e-9));
                assertThat(s.min()).as(key + " min").isCloseTo(min, within(1e-4 * Math.abs(min) + 1e-9));
                assertThat(s.max()).as(key + " max").isCloseTo(max, within(1e-4 * Math.abs(max) + 1e-9));
            }
            assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys)
                    .contains("metrics/mAP_0.5:0.95", "x/lr0");
        }
    }

    @Test
    void claimsFoldersHoldingEventFiles() {
        TensorBoardImporter importer = new TensorBoardImporter();
        Path keras = Fixtures.get(KERAS);
        // events directly in the folder: one run when no sub-folder has events too; never owns what is beside it
        assertThat(importer.claim(Fixtures.get(YOLO).resolve("runs/train/exp2")))
                .isEqualTo(new dev.cairn.plugin.importer.ImportClaim(0.95, false, true));
        assertThat(importer.claim(keras.resolve("archive/experiments/Exp_0_adam_200_0.2/train")))
                .isEqualTo(new dev.cairn.plugin.importer.ImportClaim(0.95, false, true));
        assertThat(importer.claim(keras.resolve("archive/experiments/Exp_0_adam_200_0.2")).claimed()).isFalse();
        assertThat(importer.claim(Fixtures.get(YOLO))).isEqualTo(dev.cairn.plugin.importer.ImportClaim.NONE);
    }

    @Test
    void importingTwiceKeepsIdsAndAddsNothing() throws Exception {
        for (String fixture : List.of(KERAS, YOLO)) {
            try (TrackingStore store = TrackingStore.open(tmp.resolve(fixture.replace('/', '_') + ".db"))) {
                StoreSink first = new StoreSink(store);
                new TensorBoardImporter().importFrom(Fixtures.get(fixture), first, new RecordingContext());
                Map<String, Map<String, MetricSummary>> before = new java.util.HashMap<>();
                for (ImportedRun r : first.written) {
                    before.put(r.id(), store.metrics().summaries(r.id()));
                }
                StoreSink second = new StoreSink(store);
                new TensorBoardImporter().importFrom(Fixtures.get(fixture), second, new RecordingContext());

                assertThat(first.outcomes).containsOnly(ImportSink.Outcome.ADDED);
                assertThat(second.outcomes).containsOnly(ImportSink.Outcome.UNCHANGED);
                assertThat(second.written).extracting(ImportedRun::id)
                        .containsExactlyElementsOf(first.written.stream().map(ImportedRun::id).toList());
                for (ImportedRun r : second.written) {
                    assertThat(store.metrics().summaries(r.id())).isEqualTo(before.get(r.id()));
                }
            }
        }
    }

    /** Independent check: the little-endian bytes of {@code value} occur in one of the directory's event files. */
    private static void assertRawFileHoldsFloat(Path dir, float value) throws Exception {
        byte[] needle = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
        boolean found = false;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                byte[] hay = Files.readAllBytes(f);
                for (int i = 0; i + 4 <= hay.length && !found; i++) {
                    found = hay[i] == needle[0] && hay[i + 1] == needle[1] && hay[i + 2] == needle[2]
                            && hay[i + 3] == needle[3];
                }
            }
        }
        assertThat(found).as("float %s present in raw event files of %s", value, dir).isTrue();
    }
}
