package dev.cairn.plugin.dvc;

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

/** dvclive 3 layout (unprefixed headers, nested folders, own params), and bad input. */
class DvcLiveBadInputTest {
    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws Exception {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void unprefixedHeadersNestedFoldersOwnParamsAndSummaryOnlyValues() throws Exception {
        write("proj/params.yaml", "train:\n  lr: 0.01\n  layers: [64, 32]\nseed: 1\n");
        write("proj/dvclive/params.yaml", "seed: 7\n");
        write("proj/dvclive/plots/metrics/train/acc.tsv", "timestamp\tstep\tacc\r\r\n1700000000000\t0\t0.5\r\r\n1700000001000\t1\t0.75\r\r\n");
        write("proj/dvclive/plots/metrics/a/b/c.tsv", "step\tc\n0\t1.5\n");
        write("proj/dvclive/metrics.json", "{\"train\": {\"acc\": 0.75}, \"test\": {\"f1\": 0.6}, \"step\": 1}\n");
        List<ImportedRun> runs = new ArrayList<>();
        RecordingContext ctx = new RecordingContext();
        new DvcLiveImporter().importFrom(tmp.resolve("proj"), new CollectingSink(runs), ctx);

        assertThat(ctx.failures).isEmpty();
        ImportedRun run = runs.get(0);
        assertThat(run.params()).containsEntry("train.lr", "0.01").containsEntry("train.layers", "[64,32]")
                .containsEntry("seed", "7");
        assertThat(run.metrics()).extracting(ImportedSeries::key)
                .containsExactlyInAnyOrder("train/acc", "a/b/c", "test/f1");
        ImportedSeries acc = series(run, "train/acc");
        assertThat(acc.values()).containsExactly(0.5, 0.75);
        assertThat(acc.timestamps()).containsExactly(1_700_000_000_000L, 1_700_000_001_000L);
        ImportedSeries f1 = series(run, "test/f1");
        assertThat(f1.steps()).containsExactly(1);
        assertThat(f1.values()).containsExactly(0.6);
    }

    @Test
    void yamlGarbageFailsThatRunNamingFileAndLineAndWritesNothing() throws Exception {
        Path params = write("proj/params.yaml", "train:\n  lr: 0.01\n   bad: [indent\n");
        write("proj/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            RecordingContext ctx = new RecordingContext();
            new DvcLiveImporter().importFrom(tmp.resolve("proj"), new StoreSink(store), ctx);
            assertThat(ctx.failures).singleElement().asString().contains(params.toString())
                    .containsPattern(": line [23]:").contains("invalid YAML");
            assertThat(store.runs().get(DvcLiveImporter.runId("proj", "dvclive"))).isEmpty();
        }
    }

    @Test
    void badNumbersInvalidSummaryAndTornLinesNameTheirFile() throws Exception {
        Path tsv = write("a/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n1\tfoo\n2\t0.5\n");
        Path json = write("b/dvclive/metrics.json", "{\"loss\": 0.5,\n \"acc\": }\n");
        write("b/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n");
        Path torn = write("c/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n1\t0.9\n2");
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new DvcLiveImporter().importFrom(tmp, new CollectingSink(runs), ctx);

        assertThat(ctx.failures).hasSize(2);
        assertThat(ctx.failures.get(0)).contains(tsv + ": line 3: column 'loss': 'foo' is not a number");
        assertThat(ctx.failures.get(1)).contains(json + ": line 2").contains("invalid JSON");
        assertThat(ctx.warnings).singleElement().asString().contains(torn + ": line 4");
        assertThat(runs).singleElement().satisfies(r -> assertThat(series(r, "loss").values())
                .containsExactly(1.0, 0.9));
    }

    @Test
    void aLastLineCutMidNumberIsDroppedNotStoredAsZero() throws Exception {
        // "4\t0.95..." cut to "4\t0": what a file still being written looks like
        Path tsv = write("p/dvclive/plots/metrics/acc.tsv", "step\tacc\n0\t0.5\n1\t0.7\n2\t0.9\n3\t0.94\n4\t0");
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new DvcLiveImporter().importFrom(tmp, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).isEmpty();
        assertThat(ctx.warnings).singleElement().asString().contains(tsv + ": line 6").contains("ignored");
        assertThat(series(runs.get(0), "acc").values()).containsExactly(0.5, 0.7, 0.9, 0.94);
    }

    @Test
    void unreadableSeriesFileFailsThatRun() throws Exception {
        Path tsv = write("a/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n");
        write("b/dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t1.0\n");
        Files.setPosixFilePermissions(tsv, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(tsv)).as("running as root: permissions are not enforced").isFalse();
        RecordingContext ctx = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        new DvcLiveImporter().importFrom(tmp, new CollectingSink(runs), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(tsv.toString());
        assertThat(runs).hasSize(1);
    }

    @Test
    void folderWithoutDvcliveOutputIsAnImportException() throws Exception {
        write("proj/params.yaml", "lr: 1\n");
        write("proj/dvc.yaml", "stages: {}\n");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            assertThatThrownBy(() -> new DvcLiveImporter().importFrom(tmp.resolve("proj"), sink,
                    new RecordingContext())).isInstanceOf(ImportException.class)
                    .hasMessageContaining(tmp.resolve("proj").toString()).hasMessageContaining("no dvclive output");
            assertThat(sink.written).isEmpty();
            assertThat(store.experiments().list(true)).isEmpty();
        }
        assertThat(new DvcLiveImporter().probe(tmp.resolve("proj"))).isZero();
        assertThat(new DvcLiveImporter().probe(tmp.resolve("nope"))).isZero();
    }

    private static ImportedSeries series(ImportedRun run, String key) {
        return run.metrics().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
