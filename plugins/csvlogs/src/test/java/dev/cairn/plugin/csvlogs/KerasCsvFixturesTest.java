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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Keras CSVLogger sample (4 appended sessions) and the YOLOv5 results.csv. */
class KerasCsvFixturesTest {
    private static final String KERAS = "keras_csv/AkshatSharma5__Brain_Tumor_Image_Classification_using_CNN";
    private static final String YOLO_CSV = "tfevents/Grafit-Kil__helmet-detection-yolov5/runs/train/exp2/results.csv";

    @TempDir
    Path tmp;

    @Test
    void appendedLogBecomesOneRunPerSessionMatchingTheRawRows() throws Exception {
        Path root = Fixtures.get(KERAS);
        Path log = root.resolve("training_log.csv");
        // oracle: split the raw rows wherever the epoch does not increase
        List<String[]> rows = RawCsv.rows(log);
        List<List<String[]>> sessions = new ArrayList<>();
        long previous = Long.MAX_VALUE;
        for (String[] row : rows.subList(1, rows.size())) {
            long epoch = Long.parseLong(row[0].strip());
            if (epoch <= previous) {
                List<String[]> s = new ArrayList<>();
                s.add(rows.get(0));
                sessions.add(s);
            }
            sessions.get(sessions.size() - 1).add(row);
            previous = epoch;
        }
        assertThat(sessions).hasSize(4);
        assertThat(Files.readString(log)).contains("\r\n");

        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            new KerasCsvImporter().importFrom(root, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(ctx.warnings).isEmpty();
            assertThat(sink.written).extracting(ImportedRun::name).containsExactly(
                    "training_log.csv (session 1)", "training_log.csv (session 2)", "training_log.csv (session 3)",
                    "training_log.csv (session 4)");
            for (int i = 0; i < 4; i++) {
                ImportedRun run = sink.written.get(i);
                assertThat(run.id()).isEqualTo(KerasCsvImporter.runId("AkshatSharma5__Brain_Tumor_Image_Classification_using_CNN", "training_log.csv#session" + (i + 1)));
                Map<String, MetricSummary> stored = store.metrics().summaries(run.id());
                Map<String, RawCsv.Expected> expected = RawCsv.expected(sessions.get(i), 0);
                assertThat(stored.keySet()).containsExactlyInAnyOrder("accuracy", "learning_rate", "loss",
                        "val_accuracy", "val_loss");
                expected.forEach((key, e) -> {
                    MetricSummary s = stored.get(key);
                    assertThat(s.count()).isEqualTo(e.count());
                    assertThat(s.lastStep()).isEqualTo(e.lastStep());
                    assertThat(s.last()).isEqualTo(e.last());
                    assertThat(s.min()).isEqualTo(e.min());
                    assertThat(s.max()).isEqualTo(e.max());
                });
            }
            assertThat(store.metrics().summaries(sink.written.get(2).id()).get("val_accuracy").count())
                    .isEqualTo(10);
            assertThat(store.metrics().summaries(sink.written.get(0).id()).get("accuracy").last())
                    .isEqualTo(0.534787118434906);
        }
    }

    @Test
    void yoloResultsCsvWithPaddedHeadersIsOneRun() throws Exception {
        Path csv = Fixtures.get(YOLO_CSV);
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            RecordingContext ctx = new RecordingContext();
            assertThat(new KerasCsvImporter().probe(csv)).isGreaterThan(0.8);
            new KerasCsvImporter().importFrom(csv, sink, ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(sink.written).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("results.csv");
                assertThat(r.sourceProgram()).isEqualTo("yolov5");
            });
            Map<String, MetricSummary> stored = store.metrics().summaries(sink.written.get(0).id());
            Map<String, RawCsv.Expected> expected = RawCsv.expected(RawCsv.rows(csv), 0);
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet())
                    .contains("metrics/mAP_0.5:0.95", "x/lr2").hasSize(13);
            expected.forEach((key, e) -> {
                assertThat(stored.get(key).count()).isEqualTo(150);
                assertThat(stored.get(key).last()).as(key).isEqualTo(e.last());
                assertThat(stored.get(key).min()).as(key).isEqualTo(e.min());
                assertThat(stored.get(key).max()).as(key).isEqualTo(e.max());
            });
        }
    }

    @Test
    void importingTwiceKeepsIdsAndAddsNothing() throws Exception {
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink first = new StoreSink(store);
            new KerasCsvImporter().importFrom(Fixtures.get(KERAS), first, new RecordingContext());
            StoreSink second = new StoreSink(store);
            new KerasCsvImporter().importFrom(Fixtures.get(KERAS), second, new RecordingContext());
            assertThat(first.outcomes).hasSize(4).containsOnly(ImportSink.Outcome.ADDED);
            assertThat(second.outcomes).hasSize(4).containsOnly(ImportSink.Outcome.UNCHANGED);
            assertThat(second.written).extracting(ImportedRun::id)
                    .containsExactlyElementsOf(first.written.stream().map(ImportedRun::id).toList());
        }
    }

    @Test
    void aGrowingLogAddsANewSessionWithoutTouchingEarlierOnes() throws Exception {
        Path log = tmp.resolve("logs/training_log.csv");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "epoch,loss\r\n0,1.0\r\n1,0.5\r\n");
        List<ImportedRun> first = new ArrayList<>();
        new KerasCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(first), new RecordingContext());
        Files.writeString(log, "0,2.0\r\n", java.nio.file.StandardOpenOption.APPEND);
        List<ImportedRun> second = new ArrayList<>();
        new KerasCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(second), new RecordingContext());
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(2);
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).metrics().get(0).values()).containsExactly(1.0, 0.5);
        assertThat(second.get(1).metrics().get(0).values()).containsExactly(2.0);
    }
}
