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

import static dev.cairn.plugin.support.testing.FileTree.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DVC projects mixed with other trackers: a {@code dvclive.json} or a dvclive folder at the project root claims only
 * what DVC owns, so the other trackers' sub-trees beside it are still found; a {@code dvc.yaml}'s declared metrics and
 * plots are a source of their own, read once.
 */
class DvcProjectImportTest {
    @TempDir
    Path tmp;
    TrackingStore store;
    ImportService service;

    @BeforeEach
    void open() {
        store = TrackingStore.open(tmp.resolve("cairn.db"));
        service = new ImportService(store, PluginLoader.loadDefault().importers());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void addOtherTrackers(Path project) {
        Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow/mlruns", project.resolve("mlruns"));
        Fixtures.copy("lightning_csv/Awritrojit__AIOPS_learning_mnist/lightning_logs/version_4",
                project.resolve("lightning_logs/version_4"));
        Fixtures.copy("sacred/joefarrington__cdt_sacred_example/my_runs", project.resolve("my_runs"));
        Fixtures.copy("hf_trainer/P4P4N1CK__whisper-large-v2-japanese-5k-steps", project.resolve("outputs/whisper"));
    }

    private Run runNamed(String name) {
        return store.runsChangedSince(0).stream().map(id -> store.runs().get(id).orElseThrow())
                .filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }

    private static Map<String, String> formats(Path project, ImportSummary s) {
        return s.sources().stream().collect(Collectors.toMap(
                src -> project.relativize(Path.of(src.path())).toString(), src -> src.importerId() + ":" + src.runs()));
    }

    @Test
    void aDvcliveJsonAtTheRootLeavesTheOtherTrackersSubTreesToThem() {
        // dvclive 0.x: dvclive.json at the project root, dvclive/scalars beside it, dvc.yaml naming dvclive.json
        Path project = Fixtures.copy("dvclive/diaofeng698__dvc_statefarm", tmp.resolve("statefarm"));
        addOtherTrackers(project);
        ImportSummary dry = service.importPaths(List.of(project), new ImportOptions(null, null, true),
                ImportListener.NONE);
        assertThat(dry.failed()).isEmpty();
        assertThat(formats(project, dry)).containsOnly(
                Map.entry("dvclive", "dvclive:1"),
                Map.entry("mlruns", "mlflow-file:2"),
                Map.entry("lightning_logs/version_4", "lightning-csv:1"),
                Map.entry("my_runs/1", "sacred:1"),
                Map.entry("outputs/whisper", "hf-trainer:1"));
    }

    @Test
    void aProjectRootThatIsADvcliveFolderIsReadWithoutHidingTheRest() throws Exception {
        // dvclive 2.x writing into the project root (Live(dir=".")): metrics.json and plots/metrics at the root
        Path project = Fixtures.copy("dvclive/CaroCardozo__example-dvc-experiments/dvclive", tmp.resolve("proj"));
        Files.copy(Fixtures.get("dvclive/CaroCardozo__example-dvc-experiments/params.yaml"),
                project.resolve("params.yaml"));
        write(project.resolve("dvc.yaml"), """
                metrics:
                  - metrics.json
                plots:
                  - plots/metrics:
                      x: step
                  - reports/lr.csv
                """);
        write(project.resolve("reports/lr.csv"), "step,lr\n0,0.01\n9,0.001\n");
        // a second dvclive run below the root, and other trackers
        Fixtures.copy("dvclive/CaroCardozo__example-dvc-experiments/dvclive", project.resolve("reports/eval/dvclive"));
        addOtherTrackers(project);

        ImportSummary dry = service.importPaths(List.of(project), new ImportOptions(null, null, true),
                ImportListener.NONE);
        assertThat(dry.failed()).isEmpty();
        assertThat(formats(project, dry)).containsOnly(
                // the root's run (with the dvc.yaml's reports/lr.csv) and reports/eval/dvclive below it
                Map.entry("", "dvclive:2"),
                Map.entry("mlruns", "mlflow-file:2"),
                Map.entry("lightning_logs/version_4", "lightning-csv:1"),
                Map.entry("my_runs/1", "sacred:1"),
                Map.entry("outputs/whisper", "hf-trainer:1"));

        ImportSummary first = service.importPaths(List.of(project), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(first.failed()).isEmpty();
        assertThat(first.added()).hasSize(7);
        Run root = runNamed("proj");
        assertThat(store.metrics().summaries(root.id()).keySet()).containsExactlyInAnyOrder("train/acc",
                "train/loss", "eval/acc", "eval/loss", "lr");
        assertThat(store.metrics().read(root.id(), "lr").values()).containsExactly(0.01, 0.001);

        ImportSummary again = service.importPaths(List.of(project), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(again.unchanged()).hasSize(7);
    }

    @Test
    void aDvcYamlInASubFolderIsASourceOfItsOwn() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("proj2"));
        addOtherTrackers(project);
        Path stage = project.resolve("pipelines/train");
        write(stage.resolve("dvc.yaml"), """
                stages:
                  train:
                    cmd: python train.py
                    metrics:
                      - out/metrics.json:
                          cache: false
                    plots:
                      - out/history.csv:
                          x: epoch
                """);
        write(stage.resolve("out/metrics.json"), "{\"accuracy\": 0.5}\n");
        write(stage.resolve("out/history.csv"), "epoch,loss\n0,2.0\n1,1.0\n");

        ImportSummary s = service.importPaths(List.of(project), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(s.failed()).isEmpty();
        assertThat(formats(project, s)).contains(Map.entry("pipelines/train/dvc.yaml", "dvclive:1"));
        Run run = runNamed("pipelines/train");
        assertThat(store.metrics().read(run.id(), "loss").steps()).containsExactly(0, 1);
        assertThat(store.metrics().read(run.id(), "accuracy").values()).containsExactly(0.5);
    }

    @Test
    void dvc0StageFilesInAProjectAreOneSourceForTheirFolderAndImportAgainUnchanged() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("proj3"));
        addOtherTrackers(project);
        Path old = project.resolve("experiments/2019");
        // DVC 0.x: 'dvc add' of the data, two 'dvc run' stages, metrics marked in their outs
        write(old.resolve("data.dvc"), "outs:\n- md5: a304afb96060aad90176268345e10355\n  path: data\n");
        write(old.resolve("Dvcfile"), """
                cmd: python train.py
                outs:
                - path: model.pkl
                  cache: true
                - path: metrics.json
                  cache: false
                  metric:
                    type: json
                    xpath: accuracy
                """);
        write(old.resolve("eval.dvc"), "cmd: python eval.py\nouts:\n- path: auc.metric\n  metric: true\n");
        write(old.resolve("metrics.json"), "{\"accuracy\": 0.5}\n");
        write(old.resolve("auc.metric"), "0.75\n");

        ImportSummary s = service.importPaths(List.of(project), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(s.failed()).isEmpty();
        // 'Dvcfile' sorts first: it stands for the folder's three stage files
        assertThat(formats(project, s)).contains(Map.entry("experiments/2019/Dvcfile", "dvclive:1"))
                .doesNotContainKeys("experiments/2019/data.dvc", "experiments/2019/eval.dvc");
        Run run = runNamed("experiments/2019");
        assertThat(store.metrics().read(run.id(), "accuracy").values()).containsExactly(0.5);
        assertThat(store.metrics().read(run.id(), "auc").values()).containsExactly(0.75);

        ImportSummary again = service.importPaths(List.of(project), ImportOptions.defaults(), ImportListener.NONE);
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
    }
}
