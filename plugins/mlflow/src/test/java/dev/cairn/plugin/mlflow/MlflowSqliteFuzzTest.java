package dev.cairn.plugin.mlflow;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the MLflow SQLite importer on the shared fixtures' real databases (oldest and MLflow 3.x schemas), cut,
 * with bytes flipped or inserted (so SQLite meets corrupt pages, a wrong page count, broken headers). Property: only
 * {@link ImportException} escapes, naming the file; failures are one line naming the file; the file is never changed.
 */
class MlflowSqliteFuzzTest {
    private static final List<byte[]> SEEDS = seeds();
    private static final FuzzScratch SCRATCH = new FuzzScratch("mlflow-db-fuzz");

    private static List<byte[]> seeds() {
        Path root = FuzzSeeds.fixtures().resolve("mlflow_db");
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".db")).sorted().toList()) {
                    out.add(Files.readAllBytes(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @FuzzTest(maxDuration = "10s")
    void importsOrFailsNamingTheFile(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path file = SCRATCH.dir().resolve("mlflow.db");
        Files.write(file, input);
        ImportAttempt attempt = ImportAttempt.of(new MlflowSqliteImporter(), file);
        FuzzChecks.nameFile(attempt.errors(), List.of(file.toString()));
        FuzzChecks.nameFile(attempt.context.warnings, List.of(file.toString()));
        assertThat(Arrays.equals(Files.readAllBytes(file), input)).as("the database file is unchanged").isTrue();
        try (Stream<Path> left = Files.list(SCRATCH.dir())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no journal or WAL files left")
                    .containsExactly("mlflow.db");
        }
    }
}
