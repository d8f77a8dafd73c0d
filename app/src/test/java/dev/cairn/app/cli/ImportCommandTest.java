package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.app.Main;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int cairn(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void importsDetectsTheFormatAndPrintsJson() throws Exception {
        Path db = tmp.resolve("cairn.db");
        String sqlite = Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db").toString();

        int rc = cairn("import", "--store", db.toString(), "--json", sqlite);

        assertThat(rc).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("sources").get(0).get("format").asText()).isEqualTo("mlflow-sqlite");
        assertThat(json.get("added")).hasSize(7);
        assertThat(json.get("warnings").toString()).doesNotContain("logged model");
        assertThat(json.get("models").isArray()).isTrue();
        try (TrackingStore store = TrackingStore.open(db)) {
            assertThat(store.runsChangedSince(0)).hasSize(7);
        }
    }

    @Test
    void dryRunWritesNothingAndAnUnknownFormatIsOneLine() {
        Path db = tmp.resolve("cairn.db");
        TrackingStore.open(db).close();
        String mlruns = Fixtures.get("mlruns/GregoireJan__breastcancer").toString();

        int rc = cairn("import", "--store", db.toString(), "--dry-run", "--experiment", "x", mlruns);

        assertThat(rc).isZero();
        assertThat(out.toString()).contains("MLflow file store").contains("dry run: 21 added, 0 updated");
        try (TrackingStore store = TrackingStore.open(db)) {
            assertThat(store.runsChangedSince(0)).isEmpty();
        }
        int bad = cairn("import", "--store", db.toString(), "--format", "nope", mlruns);
        assertThat(bad).isEqualTo(1);
        assertThat(err.toString()).contains("unknown format 'nope'").contains("mlflow-file").doesNotContain("\tat ");
    }

    @Test
    void aFolderWithNothingToImportExitsOneWithTheReason() {
        int rc = cairn("import", "--store", tmp.resolve("cairn.db").toString(), tmp.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("failed: " + tmp + ": no importer recognises this");
    }

    @Test
    void aProjectFolderIsListedPerSubTreeAndAtomicWritesNothingWhenOneFails() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        dev.cairn.app.importing.Fixtures.copy("sacred/aida-ugent__tgne/my_runs", project.resolve("a/my_runs"));
        dev.cairn.app.importing.Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));
        Path broken = Files.createDirectories(project.resolve("b/wandb/run-20240101_000000-zzz"));
        Files.writeString(broken.resolve("run-zzz.wandb"), "not a log");
        Path db = tmp.resolve("cairn.db");
        TrackingStore.open(db).close();

        int dry = cairn("import", "--store", db.toString(), "--dry-run", project.toString());
        assertThat(dry).isEqualTo(1);
        assertThat(out.toString()).contains(project.resolve("a/my_runs/3") + ": Sacred, 1 run")
                .contains(project.resolve("wandb/run-20230329_020146-ruzz7bps") + ": Weights & Biases, 1 run")
                .contains(broken + ": Weights & Biases, 0 runs");
        assertThat(err.toString()).contains("failed: " + broken.resolve("run-zzz.wandb") + ": offset 0: not a W&B run log");

        out.getBuffer().setLength(0);
        int atomic = cairn("import", "--store", db.toString(), "--atomic", "--json", project.toString());
        assertThat(atomic).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("added")).isEmpty();
        assertThat(json.get("sources").get(0).get("runs").asInt()).isEqualTo(1);
        assertThat(json.get("failed")).hasSize(1);
        assertThat(json.get("warnings").toString()).contains("--atomic: nothing was imported because 1 source failed");
        try (TrackingStore store = TrackingStore.open(db)) {
            assertThat(store.runsChangedSince(0)).isEmpty();
        }

        out.getBuffer().setLength(0);
        int partial = cairn("import", "--store", db.toString(), project.toString());
        assertThat(partial).isEqualTo(1);
        // 8 Sacred runs + their parent 'my_runs' + the W&B run
        assertThat(err.toString()).contains("10 added, 0 updated, 0 skipped, 1 failed");
    }

    @Test
    void aZippedProjectIsListedPerSubTreeAndACorruptZipIsOneLine() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("runs"));
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));
        Path zip = tmp.resolve("runs.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             java.util.stream.Stream<Path> files = Files.walk(project)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                z.putNextEntry(new java.util.zip.ZipEntry(tmp.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        Path db = tmp.resolve("cairn.db");

        int rc = cairn("import", "--store", db.toString(), zip.toString());
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains(zip + "/runs/my_runs/1: Sacred, 1 run")
                .contains(zip + "/runs/wandb/run-20230329_020146-ruzz7bps: Weights & Biases, 1 run");
        try (TrackingStore store = TrackingStore.open(db)) {
            assertThat(store.runsChangedSince(0)).hasSize(2);
        }

        Path corrupt = Files.write(tmp.resolve("cut.zip"), java.util.Arrays.copyOf(Files.readAllBytes(zip), 100));
        int bad = cairn("import", "--store", db.toString(), corrupt.toString());
        assertThat(bad).isEqualTo(1);
        assertThat(err.toString()).contains("failed: " + corrupt + ": not a zip archive, or cut short (")
                .doesNotContain("\tat ");
    }

    @Test
    void pluginsListsTheBuiltIns() throws Exception {
        int rc = cairn("plugins", "--json", "--plugin-dir", tmp.resolve("none").toString());
        assertThat(rc).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.findValuesAsText("id")).contains("mlflow-file", "mlflow-sqlite", "cairn-bundle",
                "hf-trainer", "optuna", "sacred", "wandb");
        assertThat(json.findValuesAsText("status")).containsOnly("loaded");
    }
}
