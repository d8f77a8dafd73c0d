package dev.cairn.plugin.wandb;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.FuzzChecks;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the W&B importer on the shared fixture's run folder: a record of the binary log mutated and the log
 * re-chunked with valid checksums (so the protobuf decoding is reached), the log's own bytes mutated (header, chunk
 * headers, checksums), or {@code files/config.yaml} / {@code files/wandb-summary.json} mutated. Property: only
 * {@link ImportException} escapes; every failure and warning is one line naming the file and a line or byte offset;
 * no infinity the input does not spell.
 */
class WandbRunFuzzTest {
    private static final String FOLDER = "wandb/aorvieto__VerySimpleTransformer/wandb/run-20230329_020146-ruzz7bps";
    private static final List<byte[]> RECORDS = records();
    private static final List<byte[]> CONFIGS = FuzzSeeds.files(p -> p.endsWith("config.yaml"), "wandb");
    private static final List<byte[]> SUMMARIES = FuzzSeeds.files(p -> p.endsWith("wandb-summary.json"), "wandb");
    private static final FuzzScratch SCRATCH = new FuzzScratch("wandb-fuzz", "run-20230329_020146-abc", "files");

    /** The fixture log's first 40 records of at most 4 KiB (run, config, history, summary, exit...). */
    private static List<byte[]> records() {
        List<byte[]> out = new ArrayList<>();
        Path log = FuzzSeeds.fixtures().resolve(FOLDER).resolve("run-ruzz7bps.wandb");
        if (Files.isRegularFile(log)) {
            try {
                RecordLog.read(log, new RecordingContext(), (data, offset) -> {
                    if (out.size() < 40 && data.length <= 4096) {
                        out.add(data);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LogFileException e) {
                throw new IllegalStateException(e);
            }
        }
        out.add(WandbLogWriter.run("abc", "p", 1_680_000_000L));
        out.add(WandbLogWriter.history(1, "loss", "0.5", "_step", "1"));
        out.add(WandbLogWriter.exit(0, 12));
        return out;
    }

    @FuzzTest(maxDuration = "10s")
    void importsOrFailsNamingFileAndPlace(FuzzedDataProvider data) throws IOException {
        Path dir = SCRATCH.dir();
        Path log = dir.resolve("run-abc.wandb");
        Path config = dir.resolve("files").resolve("config.yaml");
        Path summary = dir.resolve("files").resolve("wandb-summary.json");
        Files.deleteIfExists(config);
        Files.deleteIfExists(summary);
        int kind = data.consumeInt(0, 3);
        int mutated = kind == 0 ? data.consumeInt(0, RECORDS.size() - 1) : -1;
        byte[] input = kind == 0 ? FuzzSeeds.mutate(List.of(RECORDS.get(mutated)), data) : new byte[0];
        WandbLogWriter writer = new WandbLogWriter();
        for (int i = 0; i < RECORDS.size(); i++) {
            writer.record(i == mutated ? input : RECORDS.get(i));
        }
        byte[] logBytes = writer.bytes();
        Path target = log;
        if (kind == 1) {
            input = FuzzSeeds.mutate(List.of(logBytes), data);
            logBytes = input;
        } else if (kind == 2) {
            input = FuzzSeeds.mutate(CONFIGS, data);
            target = config;
            Files.write(config, input);
        } else if (kind == 3) {
            input = FuzzSeeds.mutate(SUMMARIES, data);
            target = summary;
            Files.write(summary, input);
        }
        Files.write(log, logBytes);
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        try {
            new WandbImporter().importFrom(dir, new CollectingSink(runs), context);
        } catch (ImportException e) {
            FuzzChecks.nameFile(List.of(e.getMessage()), List.of(dir.toString()));
        }
        FuzzChecks.nameFileAndPlace(context.failures, List.of(target.toString()));
        FuzzChecks.nameFileAndPlace(context.warnings, List.of(target.toString(), log.toString()));
        FuzzChecks.noInventedInfinity(runs, input);
    }
}
