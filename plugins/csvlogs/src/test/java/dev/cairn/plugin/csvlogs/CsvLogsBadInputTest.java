package dev.cairn.plugin.csvlogs;

import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Line ends, sparse and torn rows, YAML garbage, bad numbers, unreadable files, folders without runs. */
class CsvLogsBadInputTest {
    @TempDir
    Path tmp;

    private Path version(String name, String metrics, String hparams) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs/lightning_logs").resolve(name));
        if (metrics != null) {
            Files.writeString(dir.resolve("metrics.csv"), metrics);
        }
        if (hparams != null) {
            Files.writeString(dir.resolve("hparams.yaml"), hparams);
        }
        return dir;
    }

    @Test
    void crCrLfLineEndsAndSparseRowsGiveThePointsThatAreThere() throws Exception {
        version("version_0", "epoch,step,train_loss,val_loss\r\r\n0,9,0.9,\r\r\n0,9,,1.5\r\r\n1,19,0.4,\r\r\n1,19,,1.1\r\r\n",
                "lr: 1e-05\nlayers: [1, 2]\nopt:\n  name: adam\n  betas: [0.9, 0.999]\nnothing: null\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new LightningCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(runs), ctx);

        assertThat(ctx.failures).isEmpty();
        ImportedRun run = runs.get(0);
        assertThat(run.params()).containsEntry("lr", "1e-05").containsEntry("layers", "[1,2]")
                .containsEntry("opt.name", "adam").containsEntry("opt.betas", "[0.9,0.999]")
                .containsEntry("nothing", "null");
        ImportedSeries val = series(run, "val_loss");
        assertThat(val.steps()).containsExactly(9, 19);
        assertThat(val.values()).containsExactly(1.5, 1.1);
        assertThat(series(run, "train_loss").values()).containsExactly(0.9, 0.4);
        assertThat(series(run, "epoch").size()).isEqualTo(4);
    }

    @Test
    void yamlGarbageFailsThatRunNamingFileAndLineWhileOthersImport() throws Exception {
        Path bad = version("version_1", "epoch,step,loss\n0,1,0.5\n", "lr: 0.1\nmodel: [unclosed, list\n  depth: 3\n");
        version("version_2", "epoch,step,loss\n0,1,0.25\n", "{}\n");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            RecordingContext ctx = new RecordingContext();
            new LightningCsvImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);

            assertThat(ctx.failures).singleElement().asString()
                    .contains(bad.resolve("hparams.yaml").toString()).containsPattern("line [23]")
                    .contains("invalid YAML");
            assertThat(store.runs().get(LightningCsvImporter.runId("logs", "lightning_logs/version_1"))).isEmpty();
            assertThat(store.runs().get(LightningCsvImporter.runId("logs", "lightning_logs/version_2")))
                    .isPresent();
        }
    }

    @Test
    void yamlThatIsNotAMappingNamesTheFile() throws Exception {
        Path dir = version("version_0", null, "- just\n- a list\n");
        RecordingContext ctx = new RecordingContext();
        new LightningCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(new ArrayList<>()), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(dir.resolve("hparams.yaml") + ": line 1")
                .contains("expected a mapping");
    }

    @Test
    void aBadNumberInTheMiddleNamesFileLineAndColumn() throws Exception {
        Path dir = version("version_0", "epoch,step,loss\n0,1,0.5\n0,2,oops\n0,3,0.2\n", null);
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new LightningCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(runs), ctx);
        assertThat(runs).isEmpty();
        assertThat(ctx.failures).singleElement().asString()
                .contains(dir.resolve("metrics.csv") + ": line 3: column 'loss': 'oops' is not a number");
    }

    @Test
    void aTornLastLineIsDroppedWithAWarning() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("k")).resolve("log.csv");
        Files.writeString(log, "epoch,loss,acc\n0,0.9,0.1\n1,0.8,0.2\n2,0.7");
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new KerasCsvImporter().importFrom(log, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).singleElement().asString().contains(log + ": line 4").contains("ignored");
        assertThat(series(runs.get(0), "loss").values()).containsExactly(0.9, 0.8);
    }

    @Test
    void aLastCellCutMidNumberIsNeverStored() throws Exception {
        // "2,0.7,0.35" cut inside its last cell: the same number of cells, a wrong number
        Path log = Files.createDirectories(tmp.resolve("k")).resolve("log.csv");
        Files.writeString(log, "epoch,loss,acc\n0,0.9,0.1\n1,0.8,0.2\n2,0.7,0.3");
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new KerasCsvImporter().importFrom(log, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).singleElement().asString().contains(log + ": line 4").contains("ignored");
        assertThat(series(runs.get(0), "acc").values()).containsExactly(0.1, 0.2);
    }

    @Test
    void flippedBytesMidFileFailWithFileAndLine() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("k")).resolve("log.csv");
        byte[] text = "epoch,loss\n0,0.9\n1,0.8\n2,0.7\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        text[20] = (byte) 0x9F;
        Files.write(log, text);
        RecordingContext ctx = new RecordingContext();
        new KerasCsvImporter().importFrom(log, new CollectingSink(new ArrayList<>()), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(log + ": line 3")
                .contains("not valid UTF-8").doesNotContain("Input length");
    }

    @Test
    void aNumberTooLargeForADoubleIsAnErrorNotInfinity() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("k")).resolve("log.csv");
        Files.writeString(log, "epoch,loss\n0,0.9\n1,1e400\n");
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new KerasCsvImporter().importFrom(log, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(log + ": line 3: column 'loss': '1e400'");
        assertThat(runs).isEmpty();
    }

    @Test
    void aShortRowInTheMiddleFailsWithItsLine() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("k")).resolve("log.csv");
        Files.writeString(log, "epoch,loss,acc\n0,0.9,0.1\n1,0.8\n2,0.7,0.3\n");
        RecordingContext ctx = new RecordingContext();
        new KerasCsvImporter().importFrom(log, new CollectingSink(new ArrayList<>()), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(log + ": line 3: line has 2 cells");
    }

    @Test
    void unreadableMetricsFileFailsThatRun() throws Exception {
        Path dir = version("version_0", "epoch,step,loss\n0,1,0.5\n", null);
        version("version_1", "epoch,step,loss\n0,1,0.5\n", null);
        Path file = dir.resolve("metrics.csv");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("running as root: permissions are not enforced").isFalse();
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new LightningCsvImporter().importFrom(tmp.resolve("logs"), new CollectingSink(runs), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(file.toString());
        assertThat(runs).hasSize(1);
    }

    @Test
    void foldersWithoutRunsAreAnImportExceptionAndWriteNothing() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        Files.writeString(empty.resolve("readme.md"), "nothing");
        Files.writeString(empty.resolve("data.csv"), "id,value\n1,2\n");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            assertThatThrownBy(() -> new LightningCsvImporter().importFrom(tmp.resolve("empty"), sink,
                    new RecordingContext())).isInstanceOf(ImportException.class)
                    .hasMessageContaining(tmp.resolve("empty").toString());
            assertThatThrownBy(() -> new KerasCsvImporter().importFrom(tmp.resolve("empty"), sink,
                    new RecordingContext())).isInstanceOf(ImportException.class)
                    .hasMessageContaining("no per-epoch CSV logs");
            assertThat(sink.written).isEmpty();
            assertThat(store.experiments().list(true)).isEmpty();
        }
        assertThat(new LightningCsvImporter().probe(tmp.resolve("empty"))).isZero();
        assertThat(new KerasCsvImporter().probe(tmp.resolve("empty"))).isZero();
        assertThat(new KerasCsvImporter().probe(tmp.resolve("missing.csv"))).isZero();
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        assertThat(SourcePaths.compareNatural("version_2", "version_10")).isNegative();
        assertThat(SourcePaths.compareNatural("version_10", "version_9")).isPositive();
        assertThat(SourcePaths.compareNatural("a/version_1", "a/version_1")).isZero();
    }

    private static ImportedSeries series(ImportedRun run, String key) {
        return run.metrics().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
