package dev.cairn.plugin.optuna;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.support.FuzzChecks;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.testing.ImportAttempt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the Optuna journal replay on the shared fixtures' journal logs (the multi-worker one cut to its first 16 KiB
 * of lines), cut, with bytes flipped or inserted. Property: only {@link ImportException} escapes; every failure and
 * warning is one line naming the file and the line (or, for a trial's bad distribution, the study and trial); no
 * infinity the file does not spell.
 */
class JournalFuzzTest {
    private static final List<byte[]> SEEDS = seeds();
    private static final FuzzScratch SCRATCH = new FuzzScratch("optuna-fuzz");

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>(FuzzSeeds.files(p -> p.toString().endsWith(".log"), "optuna"));
        Path big = FuzzSeeds.fixtures().resolve("optuna/sawa3030__optuna-playground/journal.log");
        try {
            if (Files.isRegularFile(big)) {
                byte[] all = Files.readAllBytes(big);
                int end = Math.min(all.length, 16 * 1024);
                while (end > 0 && all[end - 1] != '\n') {
                    end--;
                }
                out.add(Arrays.copyOf(all, end));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @FuzzTest(maxDuration = "10s")
    void replaysOrFailsNamingFileAndLine(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path file = SCRATCH.dir().resolve("journal.log");
        Files.write(file, input);
        ImportAttempt attempt = ImportAttempt.of(new OptunaImporter(), file);
        // a parse error names the line; a trial's bad distribution names the study and trial (as for SQLite storages)
        FuzzChecks.nameFile(attempt.errors(), List.of(file.toString()));
        assertThat(attempt.context.failures).allSatisfy(f -> assertThat(f).containsAnyOf(file + ": line ",
                file + ": study '"));
        FuzzChecks.nameFileAndPlace(attempt.context.warnings, List.of(file.toString()));
        FuzzChecks.noInventedInfinity(attempt.runs(), input);
    }
}
