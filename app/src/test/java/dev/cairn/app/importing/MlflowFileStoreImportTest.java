package dev.cairn.app.importing;

import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.plugin.mlflow.MlflowSqliteImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MlflowFileStoreImportTest {
    @TempDir
    Path tmp;
    TrackingStore store;
    ImportService service;

    @BeforeEach
    void open() {
        store = TrackingStore.open(tmp.resolve("cairn.db"));
        service = new ImportService(store, List.of(new MlflowFileStoreImporter(), new MlflowSqliteImporter()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportSummary importPath(Path path) {
        return service.importPaths(List.of(path), ImportOptions.defaults(), ImportListener.NONE);
    }

    /** Run folders of a file store, read straight from disk: folders with a meta.yaml holding a run_id. */
    private static List<Path> rawRunDirs(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("meta.yaml"))
                    .filter(p -> read(p).contains("run_id:") && !p.toString().contains("/models/")
                            && !p.toString().contains("/outputs/"))
                    .map(Path::getParent).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mlflow1StoreWithTwoExperiments() throws IOException {
        Path root = Fixtures.get("mlruns/FernandoLpz__Tracking-ML-model-MLflow");
        assertThat(service.detect(root).get(0).importer().id()).isEqualTo("mlflow-file");

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).containsExactlyInAnyOrder("99496f31203b45ada240bc2b903451a3",
                "967712dd3db644b68f7ac4b954c8e8c7");
        Run run = store.runs().require("99496f31203b45ada240bc2b903451a3");
        assertThat(run.experimentName()).isEqualTo("mushroom");
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.startMs()).isEqualTo(1601077490797L);
        assertThat(run.endMs()).isEqualTo(1601077495204L);
        assertThat(run.user()).isEqualTo("Fer");
        assertThat(run.name()).as("no mlflow.runName tag and an empty name").isNull();
        Path runDir = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3");
        Map<String, String> params = store.runs().params(run.id());
        assertThat(params).containsOnlyKeys("best_criterion", "best_splitter", "best_max_depth");
        assertThat(params.get("best_criterion")).isEqualTo(read(runDir.resolve("params/best_criterion")));
        Map<String, MetricSummary> metrics = store.metrics().summaries(run.id());
        assertThat(metrics).containsOnlyKeys("test_accuracy", "train_accuracy", "average_accuracy",
                "std_accuracy");
        String[] line = read(runDir.resolve("metrics/test_accuracy")).strip().split(" ");
        assertThat(metrics.get("test_accuracy").last()).isEqualTo(Double.parseDouble(line[1]));
        assertThat(metrics.get("test_accuracy").count()).isEqualTo(1);
        assertThat(store.runs().provenance(run.id()).orElseThrow().writer()).isEqualTo("mlflow-file");
        assertThat(store.runs().provenance(run.id()).orElseThrow().sourceRef()).endsWith(run.id());
        assertThat(store.runs().require("967712dd3db644b68f7ac4b954c8e8c7").name()).isNotBlank();
    }

    @Test
    void nestedRunsFailedParentsAndUriWithPercent() throws IOException {
        Path root = Fixtures.get("mlruns/GregoireJan__breastcancer");
        List<Path> raw = rawRunDirs(root);

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(raw.size()).hasSize(21);
        int nested = 0;
        int failed = 0;
        for (Path dir : raw) {
            String id = dir.getFileName().toString();
            Run run = store.runs().require(id);
            Path parentTag = dir.resolve("tags/mlflow.parentRunId");
            if (Files.exists(parentTag)) {
                nested++;
                assertThat(run.parentId()).isEqualTo(read(parentTag).strip());
            } else {
                assertThat(run.parentId()).isNull();
            }
            boolean rawFailed = read(dir.resolve("meta.yaml")).contains("status: 4");
            assertThat(run.status()).isEqualTo(rawFailed ? RunStatus.FAILED : RunStatus.FINISHED);
            failed += rawFailed ? 1 : 0;
            try (Stream<Path> files = Files.list(dir.resolve("metrics")).filter(Files::isRegularFile)) {
                List<String> keys = files.map(p -> p.getFileName().toString()).toList();
                assertThat(store.metrics().summaries(id)).containsOnlyKeys(keys);
            } catch (java.nio.file.NoSuchFileException e) {
                assertThat(store.metrics().summaries(id)).isEmpty();
            }
            assertThat(run.artifactUri()).contains("OneDrive%20-%20Accenture");
        }
        assertThat(nested).isEqualTo(12);
        assertThat(failed).isEqualTo(10);
    }

    @Test
    void twoStoresInOneRepositoryAndTheRegistryIsImported() throws IOException {
        Path root = Fixtures.get("mlruns/silver6wings__MLFlowSample");
        List<Path> raw = rawRunDirs(root);

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(raw.size());
        assertThat(s.models()).extracting(ImportSummary.Model::name).contains("ElasticnetWineModel", "test_r_m");
        Run withArtifacts = store.runs().require("5a2ddaac9c354d1ab8fcae8d8ed1c3a3");
        assertThat(withArtifacts.name()).isEqualTo("name");
        assertThat(store.runs().artifacts(withArtifacts.id())).extracting(a -> a.path())
                .contains("model/MLmodel", "model/conda.yaml", "model/input_example.json");
        assertThat(store.runs().require("7b6ab766a75240cda1b7c7324208026a").name()).isEqualTo("adorable-dove-83");
    }

    @Test
    void mlflow3StoreWithDoubledMetricLinesAndLoggedModels() throws IOException {
        Path root = Fixtures.get("mlruns/2024aa05458-crypto__heart-disease-mlops");
        List<Path> raw = rawRunDirs(root);

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(raw.size()).hasSize(8);
        assertThat(s.warnings()).noneMatch(w -> w.contains("logged model"));
        String id = "8d1e7d7e1c3d46d39cdfa895562a7a92";
        Run run = store.runs().require(id);
        assertThat(run.name()).isEqualTo("Random_Forest");
        assertThat(run.experimentName()).isEqualTo("Heart Disease Classification");
        MetricSeries recall = store.metrics().read(id, "recall");
        assertThat(read(raw.stream().filter(p -> p.endsWith(id)).findFirst().orElseThrow()
                .resolve("metrics/recall")).strip().split("\n")).hasSize(2);
        assertThat(recall.size()).as("the doubled line is stored once").isEqualTo(1);
        assertThat(recall.values()[0]).isEqualTo(0.8858695652173914);
    }

    @Test
    void importingTwiceChangesNothingAndGrownRunsGetOnlyNewPoints() throws IOException {
        Path root = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("copy"));
        importPath(root);
        long token = store.changeToken();

        ImportSummary again = importPath(root);

        assertThat(again.unchanged()).hasSize(2);
        assertThat(again.added()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(store.changeToken()).isEqualTo(token);

        Path metric = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3/metrics/test_accuracy");
        Files.writeString(metric, read(metric).strip() + "\n1601077499999 0.5 1\n1601077499999 nan 2\n");
        ImportSummary grown = importPath(root);

        assertThat(grown.updated()).containsExactly("99496f31203b45ada240bc2b903451a3");
        assertThat(grown.unchanged()).containsExactly("967712dd3db644b68f7ac4b954c8e8c7");
        MetricSeries series = store.metrics().read("99496f31203b45ada240bc2b903451a3", "test_accuracy");
        assertThat(series.steps()).containsExactly(0, 1, 2);
        assertThat(series.values()[2]).isNaN();
        assertThat(store.metrics().summaries("99496f31203b45ada240bc2b903451a3").get("test_accuracy").last())
                .isNaN();
    }

    @Test
    void deletedRunsAndTrashedExperimentsStayDeleted() throws IOException {
        Path root = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("copy"));
        Path meta = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3/meta.yaml");
        Files.writeString(meta, read(meta).replace("lifecycle_stage: active", "lifecycle_stage: deleted"));
        Path trash = Files.createDirectories(root.resolve("mlruns/.trash"));
        Files.move(root.resolve("mlruns/1"), trash.resolve("1"));
        Path meta2 = trash.resolve("1/meta.yaml");
        Files.writeString(meta2, read(meta2).replace("lifecycle_stage: active", "lifecycle_stage: deleted"));

        ImportSummary s = importPath(root);

        assertThat(s.added()).hasSize(2);
        assertThat(store.runs().require("99496f31203b45ada240bc2b903451a3").lifecycle())
                .isEqualTo(Lifecycle.DELETED);
        assertThat(store.runs().require("967712dd3db644b68f7ac4b954c8e8c7").lifecycle())
                .isEqualTo(Lifecycle.ACTIVE);
        assertThat(store.experiments().byName("mushroom").orElseThrow().lifecycle()).isEqualTo(Lifecycle.DELETED);
        assertThat(importPath(root).unchanged()).hasSize(2);
    }

    @Test
    void yamlGarbageIsAStatedErrorAndLeavesTheStoreUnchanged() throws IOException {
        Path root = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("copy"));
        Path bad = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3/meta.yaml");
        Files.writeString(bad, "run_id: [unclosed\n  status: : :\n");
        Path other = root.resolve("mlruns/1/967712dd3db644b68f7ac4b954c8e8c7/metrics/test_accuracy");
        Files.writeString(other, "1601077494116 0.99 0\nthis is not a metric line\n");
        long token = store.changeToken();

        ImportSummary s = importPath(root);

        assertThat(s.added()).isEmpty();
        assertThat(s.failed()).hasSize(2);
        assertThat(s.failed()).anySatisfy(f -> assertThat(f.message()).contains(bad.toString()).contains("line"));
        assertThat(s.failed()).anySatisfy(f -> assertThat(f.message()).contains(other + ": line 2"));
        assertThat(store.changeToken()).isEqualTo(token);
        assertThat(store.runsChangedSince(0)).isEmpty();
        assertThat(store.experiments().list(true)).isEmpty();
    }

    @Test
    void aCutMetaYamlIsAnErrorNamingTheFileNotAFinishedRunWithoutStartTime() throws IOException {
        Path root = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("copy"));
        Path meta = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3/meta.yaml");
        String text = read(meta);
        Files.writeString(meta, text.substring(0, text.indexOf("lifecycle_stage")));

        ImportSummary s = importPath(root);

        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message()).contains(meta.toString())
                .contains("missing required field").contains("start_time"));
        assertThat(s.added()).containsExactly("967712dd3db644b68f7ac4b954c8e8c7");
        assertThat(store.runs().get("99496f31203b45ada240bc2b903451a3")).isEmpty();
    }

    @Test
    void unreadableMetaAndFolderWithoutRunsAreStatedErrors() throws IOException {
        Path root = Fixtures.copy("mlruns/FernandoLpz__Tracking-ML-model-MLflow", tmp.resolve("copy"));
        Path meta = root.resolve("mlruns/1/99496f31203b45ada240bc2b903451a3/meta.yaml");
        Files.delete(meta);
        Files.createDirectories(meta);
        Path empty = Files.createDirectories(tmp.resolve("empty/mlruns/0"));
        Files.writeString(empty.resolve("meta.yaml"), "experiment_id: '0'\nname: Default\n");

        ImportSummary s = importPath(root);
        ImportSummary none = importPath(tmp.resolve("empty"));
        ImportSummary nothing = importPath(Files.createDirectories(tmp.resolve("nothing")));

        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message()).contains(meta + ": cannot read"));
        assertThat(s.added()).containsExactly("967712dd3db644b68f7ac4b954c8e8c7");
        // experiments and no runs: a source of 0 runs, not a failure
        assertThat(none.failed()).isEmpty();
        assertThat(none.sources()).singleElement().satisfies(src -> assertThat(src.runs()).isZero());
        assertThat(nothing.failed()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no importer recognises"));
        assertThat(store.runsChangedSince(0)).hasSize(1);
    }

    @Test
    void dryRunCountsButWritesNothing() {
        Path root = Fixtures.get("mlruns/GregoireJan__breastcancer");
        ImportSummary s = service.importPaths(List.of(root), new ImportOptions(null, null, true),
                ImportListener.NONE);
        assertThat(s.dryRun()).isTrue();
        assertThat(s.added()).hasSize(21);
        assertThat(s.warnings()).noneMatch(w -> w.contains("parent"));
        assertThat(store.runsChangedSince(0)).isEmpty();
    }

    @Test
    void experimentOverrideAndCancellation() {
        Path root = Fixtures.get("mlruns/GregoireJan__breastcancer");
        ImportSummary s = service.importPaths(List.of(root), new ImportOptions("mlflow-file", "mine", false),
                ImportListener.NONE);
        assertThat(s.added()).hasSize(21);
        assertThat(store.experiments().byName("mine").orElseThrow().runCount()).isEqualTo(21);
        assertThat(store.experiments().byName("trash")).isEmpty();

        ImportListener cancelAfterFive = new ImportListener() {
            int calls;

            @Override
            public boolean isCancelled() {
                return ++calls > 5;
            }
        };
        ImportSummary cancelled = service.importPaths(List.of(Fixtures.get("mlruns/silver6wings__MLFlowSample")),
                ImportOptions.defaults(), cancelAfterFive);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.added()).hasSizeLessThan(6);
    }
}
