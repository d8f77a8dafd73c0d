package dev.cairn.plugin.hftrainer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.FuzzChecks;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the Hugging Face Trainer importer on the shared fixtures' output folders: one of {@code trainer_state.json},
 * a checkpoint's snapshot of it, {@code all_results.json} or {@code config.json} cut, with bytes flipped or
 * inserted, beside valid others. Property: only {@link ImportException} escapes; every failure and warning is one line
 * naming the file and line; no infinity the file does not spell.
 */
class TrainerStateFuzzTest {
    private static final List<byte[]> STATES = FuzzSeeds.files(p -> p.endsWith(OutputFolders.STATE), "hf_trainer");
    private static final List<byte[]> RESULTS = FuzzSeeds.files(p -> p.toString().endsWith("results.json"),
            "hf_trainer");
    private static final List<byte[]> CONFIGS = FuzzSeeds.files(p -> p.toString().endsWith("config.json"),
            "hf_trainer");
    private static final byte[] STATE = ("{\"global_step\": 4, \"max_steps\": 4, \"log_history\": "
            + "[{\"loss\": 1.5, \"step\": 2}, {\"eval_loss\": 1.25, \"step\": 4}]}").getBytes(StandardCharsets.UTF_8);
    private static final FuzzScratch SCRATCH = new FuzzScratch("hf-fuzz", "out", "checkpoint-2");

    @FuzzTest(maxDuration = "10s")
    void importsOrFailsNamingFileAndLine(FuzzedDataProvider data) throws IOException {
        Path dir = SCRATCH.dir();
        int kind = data.consumeInt(0, 3);
        Path state = dir.resolve(OutputFolders.STATE);
        Path snapshot = dir.resolve("checkpoint-2").resolve(OutputFolders.STATE);
        Path results = dir.resolve("all_results.json");
        Path config = dir.resolve("config.json");
        Files.write(state, STATE);
        Files.deleteIfExists(snapshot);
        Files.deleteIfExists(results);
        Files.deleteIfExists(config);
        Path target = switch (kind) {
            case 0 -> state;
            case 1 -> snapshot;
            case 2 -> results;
            default -> config;
        };
        byte[] input = FuzzSeeds.mutate(kind < 2 ? STATES : kind == 2 ? RESULTS : CONFIGS, data);
        Files.write(target, input);
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        try {
            new HfTrainerImporter().importFrom(dir, new CollectingSink(runs), context);
        } catch (ImportException e) {
            FuzzChecks.nameFile(List.of(e.getMessage()), List.of(target.toString(), dir.toString()));
        }
        FuzzChecks.nameFileAndPlace(context.failures, List.of(target.toString()));
        FuzzChecks.nameFileAndPlace(context.warnings, List.of(target.toString(), state.toString()));
        FuzzChecks.noInventedInfinity(runs, input);
    }
}
