package dev.cairn.plugin.wandb;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-written W&B logs: split records, torn ends, corrupt chunks, missing exit records. */
class WandbBadInputTest {
    private final WandbImporter importer = new WandbImporter();
    @TempDir
    Path dir;

    private Path runFolder(String id, byte[] log) throws Exception {
        Path d = Files.createDirectories(dir.resolve("wandb").resolve("offline-run-20240101_000000-" + id));
        Files.write(d.resolve("run-" + id + ".wandb"), log);
        return d;
    }

    private List<ImportedRun> run(RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(dir, new CollectingSink(runs), context);
        return runs;
    }

    private static WandbLogWriter threeSteps() {
        return new WandbLogWriter().record(WandbLogWriter.run("abc", "proj", 1_700_000_000L))
                .record(WandbLogWriter.history(0, "loss", "1.5", "_step", "0", "_timestamp", "1700000001.5"))
                .record(WandbLogWriter.history(1, "loss", "NaN", "acc", "0.25", "img", "{\"_type\": \"image\"}",
                        "_step", "1", "_timestamp", "1700000002.0"))
                .record(WandbLogWriter.history(2, "loss", "0.5", "_step", "2", "_timestamp", "1700000003.0"));
    }

    @Test
    void recordsSplitAcrossBlocksAndExitCodes() throws Exception {
        WandbLogWriter log = threeSteps();
        StringBuilder big = new StringBuilder("\"");
        big.append("x".repeat(70_000)).append('"');
        log.record(WandbLogWriter.history(3, "note", big.toString(), "loss", "0.25", "_step", "3"));
        log.record(WandbLogWriter.exit(1, 9));
        runFolder("abc", log.bytes());
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(context);
        assertThat(context.failures).isEmpty();
        ImportedRun r = runs.get(0);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.experiment()).isEqualTo("proj");
        ImportedSeries loss = r.metrics().get(0);
        assertThat(loss.key()).isEqualTo("loss");
        assertThat(loss.steps()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(loss.values()).containsExactly(1.5, Double.NaN, 0.5, 0.25);
        assertThat(loss.timestamps()[0]).isEqualTo(1_700_000_001_500L);
        assertThat(r.metrics()).extracting(ImportedSeries::key).containsExactly("loss", "acc");
    }

    @Test
    void noExitRecordIsACrash() throws Exception {
        runFolder("abc", threeSteps().bytes());
        List<ImportedRun> runs = run(new RecordingContext());
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.get(0).tags()).containsEntry("wandb.state", "crashed");
    }

    @Test
    void tornEndKeepsWhatWasWrittenWithAWarning() throws Exception {
        byte[] whole = threeSteps().bytes();
        Path d = runFolder("abc", Arrays.copyOf(whole, whole.length - 5));
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(context);
        assertThat(runs.get(0).metrics().get(0).steps()).containsExactly(0L, 1L);
        assertThat(context.warnings).singleElement().asString()
                .startsWith(d.resolve("run-abc.wandb") + ": offset ").contains("ends inside a record");
    }

    @Test
    void corruptChunkFailsTheRunWithItsOffset() throws Exception {
        byte[] bytes = threeSteps().bytes();
        bytes[bytes.length - 3] ^= 0x55;
        Path d = runFolder("abc", bytes);
        runFolder("def", new WandbLogWriter().record(WandbLogWriter.run("def", "proj", 1L))
                .record(WandbLogWriter.exit(0, 1)).bytes());
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(context);
        assertThat(runs).extracting(ImportedRun::name).containsExactly("def");
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(context.failures).singleElement().asString()
                .matches(".*" + java.util.regex.Pattern.quote(d.resolve("run-abc.wandb").toString())
                        + ": offset \\d+: checksum mismatch \\(corrupt record\\)");
    }

    @Test
    void notAWandbLogAndMalformedProtobuf() throws Exception {
        Path d = runFolder("abc", "hello, world".getBytes());
        RecordingContext context = new RecordingContext();
        run(context);
        assertThat(context.failures).singleElement().asString()
                .endsWith(d.resolve("run-abc.wandb") + ": offset 0: not a W&B run log (no ':W&B' header)");

        byte[] garbage = {0x12, 0x7f, 0x01};
        runFolder("abc", new WandbLogWriter().record(garbage).bytes());
        RecordingContext second = new RecordingContext();
        run(second);
        assertThat(second.failures).singleElement().asString()
                .endsWith(d.resolve("run-abc.wandb") + ": offset 7: malformed record: "
                        + "length-delimited field of 127 bytes runs past its message");
    }

    @Test
    void configUnwrapsValuesAndLeavesWandbOut() {
        assertThat(WandbRunReader.unwrap(java.util.Map.of("wandb_version", "1", "_wandb.value.cli_version", "0.14",
                "lr.desc", "null", "lr.value", "0.1", "opt.value.bs", "4")))
                .containsOnly(java.util.Map.entry("lr", "0.1"), java.util.Map.entry("opt.bs", "4"));
    }

    /** Fuzz finding (WandbRunFuzzTestInputs/crash-10764d63...): no exit record and no timestamps threw a NPE. */
    @Test
    void logWithoutExitOrTimestampsHasNoEndTime() throws Exception {
        runFolder("abc", new WandbLogWriter().record(WandbLogWriter.run("abc", "proj", 1_700_000_000L))
                .record(WandbLogWriter.history(0, "loss", "1.5")).bytes());
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(context);
        assertThat(context.failures).isEmpty();
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.endMs()).isNull();
            assertThat(r.metrics().get(0).values()).containsExactly(1.5);
        });
    }
}
