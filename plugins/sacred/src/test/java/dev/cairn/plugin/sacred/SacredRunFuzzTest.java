package dev.cairn.plugin.sacred;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the Sacred importer on the shared fixtures' FileStorageObserver runs: one of {@code run.json},
 * {@code metrics.json} or {@code config.json} of a run folder cut, with bytes flipped or inserted, beside the
 * fixture's others. Property: only {@link ImportException} escapes; every failure is one line naming the file and
 * line; no infinity the file does not spell.
 */
class SacredRunFuzzTest {
    private static final String[] FILES = {"run.json", "metrics.json", "config.json"};
    private static final List<List<byte[]>> SEEDS = List.of(seeds(FILES[0]), seeds(FILES[1]), seeds(FILES[2]));
    private static final FuzzScratch SCRATCH = new FuzzScratch("sacred-fuzz", "my_runs/1");

    private static List<byte[]> seeds(String name) {
        return FuzzSeeds.files(p -> p.getFileName().toString().equals(name), "sacred");
    }

    @FuzzTest(maxDuration = "10s")
    void importsOrFailsNamingFileAndLine(FuzzedDataProvider data) throws IOException {
        Path dir = SCRATCH.dir();
        int kind = data.consumeInt(0, 2);
        for (int i = 0; i < FILES.length; i++) {
            Files.write(dir.resolve(FILES[i]), SEEDS.get(i).get(0));
        }
        byte[] input = FuzzSeeds.mutate(SEEDS.get(kind), data);
        Path target = dir.resolve(FILES[kind]);
        Files.write(target, input);
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        try {
            new SacredImporter().importFrom(dir.getParent(), new CollectingSink(runs), context);
        } catch (ImportException e) {
            FuzzChecks.nameFile(List.of(e.getMessage()), List.of(dir.getParent().toString()));
        }
        FuzzChecks.nameFileAndPlace(context.failures, List.of(target.toString()));
        FuzzChecks.nameFileAndPlace(context.warnings, List.of(target.toString()));
        FuzzChecks.noInventedInfinity(runs, input);
    }
}
