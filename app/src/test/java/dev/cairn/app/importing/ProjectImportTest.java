package dev.cairn.app.importing;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole project folders built out of the shared fixtures: one import finds every sub-tree, lists it with its format
 * and runs, imports each whole, names the one that fails, groups sibling outputs under a parent run, and changes
 * nothing the second time; --atomic writes nothing when a sub-tree fails.
 */
class ProjectImportTest {
    @TempDir
    Path tmp;
    TrackingStore store;
    ImportService service;
    Path project;

    @BeforeEach
    void open() throws Exception {
        store = TrackingStore.open(tmp.resolve("cairn.db"));
        service = new ImportService(store, PluginLoader.loadDefault().importers());
        project = Files.createDirectories(tmp.resolve("project"));
        // lightning_logs/: two CSVLogger versions and a TensorBoardLogger version side by side
        Fixtures.copy("lightning_csv/Awritrojit__AIOPS_learning_mnist/lightning_logs/version_4",
                project.resolve("lightning_logs/version_4"));
        Fixtures.copy("lightning_csv/Awritrojit__AIOPS_learning_mnist/lightning_logs/version_6",
                project.resolve("lightning_logs/version_6"));
        Path tb = Fixtures.copy("tfevents/Grafit-Kil__helmet-detection-yolov5/runs/train/exp2",
                project.resolve("lightning_logs/version_9"));
        Files.writeString(tb.resolve("hparams.yaml"), "{}\n");
        // dvclive output under reports/<name>/
        Fixtures.copy("dvclive/CaroCardozo__example-dvc-experiments/dvclive", project.resolve("reports/eval/dvclive"));
        // two seeds of one Trainer: grouped under a parent run named 'outputs'
        Fixtures.copy("hf_trainer/P4P4N1CK__whisper-large-v2-japanese-5k-steps", project.resolve("outputs/seed_0"));
        Fixtures.copy("hf_trainer/tasfiahmrinmoyee__Gemma3-1B-Instruct-outputs", project.resolve("outputs/seed_1"));
        // an mlruns/ nested deep, and a second store with an experiment and no runs
        Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow/mlruns", project.resolve("src/deep/er/mlruns"));
        Path empty = Files.createDirectories(project.resolve("old/mlruns/0"));
        Files.writeString(empty.resolve("meta.yaml"), "experiment_id: '0'\nname: Default\n");
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Fixtures.copy("wandb/aorvieto__VerySimpleTransformer/wandb", project.resolve("wandb"));
        Fixtures.copy("optuna/LukeCPadmore__flow-matching-mnist", project.resolve("study"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportSummary importProject(ImportOptions options) {
        return service.importPaths(List.of(project), options, ImportListener.NONE);
    }

    private Map<String, String> formats(ImportSummary s) {
        return s.sources().stream().collect(Collectors.toMap(
                src -> project.relativize(Path.of(src.path())).toString(), src -> src.importerId() + ":" + src.runs()));
    }

    @Test
    void dryRunListsEverySubTreeWithFormatAndRunsAndWritesNothing() {
        ImportSummary dry = importProject(new ImportOptions(null, null, true));
        assertThat(dry.failed()).isEmpty();
        assertThat(formats(dry)).containsOnly(
                Map.entry("lightning_logs/version_4", "lightning-csv:1"),
                Map.entry("lightning_logs/version_6", "lightning-csv:1"),
                Map.entry("lightning_logs/version_9", "tensorboard:1"),
                // YOLOv5's results.csv beside the TensorBoard events: a CSV log of its own
                Map.entry("lightning_logs/version_9/results.csv", "keras-csv:1"),
                Map.entry("reports/eval/dvclive", "dvclive:1"),
                Map.entry("outputs/seed_0", "hf-trainer:1"),
                Map.entry("outputs/seed_1", "hf-trainer:1"),
                Map.entry("src/deep/er/mlruns", "mlflow-file:2"),
                Map.entry("old/mlruns", "mlflow-file:0"),
                Map.entry("my_runs/1", "sacred:1"),
                Map.entry("wandb/run-20230329_020146-ruzz7bps", "wandb:1"),
                Map.entry("study/optuna.db", "optuna:106"));
        assertThat(store.runsChangedSince(0)).isEmpty();
    }

    @Test
    void importsEverySubTreeGroupsSiblingsAndReimportChangesNothing() {
        ImportSummary first = importProject(ImportOptions.defaults());
        assertThat(first.failed()).isEmpty();
        // the sources' runs, plus the parent runs 'lightning_logs' and 'outputs'
        int sourceRuns = first.sources().stream().mapToInt(ImportSummary.Source::runs).sum();
        assertThat(sourceRuns).isEqualTo(117);
        assertThat(first.added()).hasSize(sourceRuns + 2);
        List<Run> runs = store.runsChangedSince(0).stream().map(id -> store.runs().get(id).orElseThrow()).toList();
        Run outputs = runs.stream().filter(r -> "outputs".equals(r.name())).findFirst().orElseThrow();
        assertThat(store.runs().children(outputs.id())).extracting(Run::name)
                .containsExactlyInAnyOrder("seed_0", "seed_1");
        // path-named runs go to an experiment named after the project, as when the project is given to them whole
        assertThat(store.runs().children(outputs.id())).extracting(Run::experimentName).containsOnly("project");
        assertThat(outputs.experimentName()).isEqualTo("project");
        Run logs = runs.stream().filter(r -> "lightning_logs".equals(r.name())).findFirst().orElseThrow();
        assertThat(store.runs().children(logs.id())).hasSize(3);

        ImportSummary second = importProject(ImportOptions.defaults());
        assertThat(second.failed()).isEmpty();
        assertThat(second.added()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.unchanged()).hasSize(sourceRuns + 2);
    }

    @Test
    void failingSubTreeIsNamedAndTheRestImports() throws Exception {
        Path broken = Files.createDirectories(project.resolve("broken"));
        Files.writeString(broken.resolve("trainer_state.json"), "{\"global_step\": 3, \"log_history\": [");
        ImportSummary s = importProject(ImportOptions.defaults());
        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith(broken.resolve("trainer_state.json") + ": line ").contains("invalid JSON"));
        assertThat(s.added()).hasSize(119);
    }

    @Test
    void progressOnlyMovesForwardOverTheSubTrees() {
        List<Double> seen = new java.util.ArrayList<>();
        service.importPaths(List.of(project), new ImportOptions(null, null, true), new ImportListener() {
            @Override
            public void progress(double fraction, String message) {
                if (fraction >= 0) {
                    seen.add(fraction);
                }
            }
        });
        assertThat(seen).isSorted().last().isEqualTo(1.0);
        assertThat(seen).allMatch(f -> f <= 1.0);
    }

    @Test
    void mlflowDatabaseWithExperimentsAndNoRunsIsZeroRunsNotAFailure() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("emptydb"));
        Path db = root.resolve("tracking/mlflow.db");
        Files.createDirectories(db.getParent());
        Files.copy(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db"), db);
        db.toFile().setWritable(true);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            for (String table : List.of("metrics", "latest_metrics", "params", "tags", "runs")) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
        ImportSummary s = service.importPaths(List.of(root), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(s.failed()).isEmpty();
        assertThat(s.sources()).singleElement().satisfies(src -> {
            assertThat(src.importerId()).isEqualTo("mlflow-sqlite");
            assertThat(src.runs()).isZero();
            assertThat(src.describe()).isEqualTo("MLflow SQLite database, 0 runs");
        });
    }

    @Test
    void atomicWritesNothingWhenASubTreeFails() throws Exception {
        Path broken = Files.createDirectories(project.resolve("broken"));
        Files.writeString(broken.resolve("trainer_state.json"), "{\"global_step\": 3, \"log_history\": [");
        ImportSummary s = importProject(new ImportOptions(null, null, false, true));
        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).hasSize(1);
        assertThat(s.warnings()).contains("--atomic: nothing was imported because 1 source failed");
        assertThat(store.runsChangedSince(0)).isEmpty();

        Files.delete(broken.resolve("trainer_state.json"));
        ImportSummary ok = importProject(new ImportOptions(null, null, false, true));
        assertThat(ok.failed()).isEmpty();
        assertThat(ok.added()).hasSize(119);
    }
}
