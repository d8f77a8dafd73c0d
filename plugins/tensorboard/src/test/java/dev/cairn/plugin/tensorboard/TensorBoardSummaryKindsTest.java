package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TF2 tensor scalars (float_val, tensor_content), hparams session data and merging several files of one run. */
class TensorBoardSummaryKindsTest {
    @TempDir
    Path tmp;

    @Test
    void tensorScalarsHparamsAndSeveralFilesMergeIntoOneRun() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tb/exp1"));
        try (EventFileWriter w = new EventFileWriter(Files.newOutputStream(dir.resolve("events.out.tfevents.1.a.v2")))) {
            Map<String, Object> hp = new LinkedHashMap<>();
            hp.put("lr", 0.001);
            hp.put("units", 64);
            hp.put("optimizer", "adam");
            hp.put("dropout_on", true);
            w.hparams(1_700_000_000.0, hp);
            w.tensorScalarFloat(1_700_000_001.5, 0, "epoch_loss", 0.5f, true);
            w.tensorScalarFloat(1_700_000_002.0, 1, "epoch_loss", 0.25f, false); // TF2: metadata only once
            w.histogram(1_700_000_002.0, 1, "dense/kernel");
            w.histogram(1_700_000_003.0, 2, "dense/kernel");
        }
        try (EventFileWriter w = new EventFileWriter(Files.newOutputStream(dir.resolve("events.out.tfevents.2.a.v2")))) {
            w.tensorScalarDouble(1_700_000_010.0, 2, "epoch_loss", 0.125);
            w.simpleScalar(1_700_000_011.0, 2, "lr", 0.01f);
        }
        RecordingContext ctx = new RecordingContext();
        java.util.List<ImportedRun> runs = new java.util.ArrayList<>();
        new TensorBoardImporter().importFrom(tmp.resolve("tb"), new CollectingSink(runs), ctx);

        assertThat(ctx.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(TensorBoardImporter.runId("tb", "exp1"));
            assertThat(run.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "lr", "0.001", "units", "64", "optimizer", "adam", "dropout_on", "true"));
            assertThat(run.startMs()).isEqualTo(1_700_000_000_000L);
            assertThat(run.endMs()).isEqualTo(1_700_000_011_000L);
            ImportedSeries loss = run.metrics().stream().filter(s -> s.key().equals("epoch_loss")).findFirst()
                    .orElseThrow();
            assertThat(loss.steps()).containsExactly(0, 1, 2);
            assertThat(loss.values()).containsExactly(0.5, 0.25, 0.125);
            assertThat(loss.timestamps()).containsExactly(1_700_000_001_500L, 1_700_000_002_000L,
                    1_700_000_010_000L);
            assertThat(run.metrics()).extracting(ImportedSeries::key).containsExactly("epoch_loss", "lr");
        });
        assertThat(ctx.warnings).singleElement().asString().contains("2 histograms");
    }

    @Test
    void halfPrecisionBitsDecode() {
        assertThat(EventDecoder.halfToFloat(0x3c00)).isEqualTo(1.0f);
        assertThat(EventDecoder.halfToFloat(0xc000)).isEqualTo(-2.0f);
        assertThat(EventDecoder.halfToFloat(0x3555)).isCloseTo(0.33325f, org.assertj.core.api.Assertions.within(1e-5f));
        assertThat(EventDecoder.halfToFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(EventDecoder.halfToFloat(0x0001)).isEqualTo(0x1p-24f);
    }
}
