package dev.cairn.app.importing;

import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.plugin.mlflow.MlflowSqliteImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.RunDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** MLflow 3 logged models are attached to their source runs, not imported as runs. */
class MlflowLoggedModelImportTest {
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

    private Set<String> metricKeys(String run) {
        return store.runs().details(List.of(run)).get(run).metrics().keySet();
    }

    private static String field(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": (.*)$").matcher(yaml);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void fileStoreModelsGoOntoTheirSourceRunsWithoutDoublingTheRunsMetrics() throws IOException {
        Path root = Fixtures.get("mlruns/2024aa05458-crypto__heart-disease-mlops");
        List<Path> modelDirs;
        try (Stream<Path> s = Files.walk(root)) {
            modelDirs = s.filter(p -> p.getFileName().toString().startsWith("m-")
                    && p.getParent().getFileName().toString().equals("models")
                    && Files.isRegularFile(p.resolve("meta.yaml"))).sorted().toList();
        }
        assertThat(modelDirs).hasSize(8);

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(8);
        Set<String> modelIds = new HashSet<>();
        for (Path dir : modelDirs) {
            String meta = Files.readString(dir.resolve("meta.yaml"), StandardCharsets.UTF_8);
            String id = field(meta, "model_id");
            String run = field(meta, "source_run_id");
            String name = field(meta, "name");
            modelIds.add(id);
            RunDetails d = store.runs().details(List.of(run)).get(run);
            assertThat(d.tags()).containsEntry("mlflow.loggedModel." + name, id);
            assertThat(store.runs().artifacts(run)).extracting(Artifact::path)
                    .contains("logged_models/" + id + "/MLmodel");
            assertThat(metricKeys(run)).noneMatch(k -> k.startsWith("model/"));
        }
        assertThat(modelIds).hasSize(8);
        assertThat(store.runs().get("2fc278c33d3a44f4859e099619f93a14")).isEmpty();

        ImportSummary again = importPath(root);
        assertThat(again.unchanged()).hasSize(8);
    }

    @Test
    void modelOnlyMetricsAndOrphanModelsInAFileStore() throws IOException {
        Path root = Fixtures.copy("mlruns/2024aa05458-crypto__heart-disease-mlops", tmp.resolve("copy"));
        Path model;
        try (Stream<Path> s = Files.walk(root)) {
            model = s.filter(p -> p.getFileName().toString().equals("m-2fc278c33d3a44f4859e099619f93a14")
                    && p.getParent().getFileName().toString().equals("models"))
                    .filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String run = "073811804ed24d71bc5c69ade98805c9";
        Files.writeString(model.resolve("metrics/holdout_f1"), "1767546899000 0.91 0 " + run + "\n");
        Path orphan = model.resolveSibling("m-00000000000000000000000000000001");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("meta.yaml"), "model_id: m-00000000000000000000000000000001\n"
                + "name: lost\nsource_run_id: 0123456789abcdef0123456789abcdef\nstatus: 2\n");

        ImportSummary s = importPath(root);

        assertThat(metricKeys(run)).contains("model/random_forest_model/holdout_f1")
                .doesNotContain("model/random_forest_model/recall");
        assertThat(store.metrics().read(run, "model/random_forest_model/holdout_f1").values()).containsExactly(0.91);
        assertThat(s.warnings()).anyMatch(w -> w.contains("m-00000000000000000000000000000001")
                && w.contains("0123456789abcdef0123456789abcdef") && w.contains("not in this import"));
    }

    @Test
    void sqliteLoggedModelsGoOntoTheirSourceRuns() {
        Path db = Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db");

        ImportSummary s = importPath(db);

        assertThat(s.failed()).isEmpty();
        String run = "3a8ea87b982e4ba092adeb06fc905112";
        RunDetails d = store.runs().details(List.of(run)).get(run);
        assertThat(d.tags()).containsEntry("mlflow.loggedModel.model", "m-a35647ab92ad4284a61f985686314f2f");
        assertThat(store.runs().details(List.of("89fb0fd68cc74794996444c404cf07fa"))
                .get("89fb0fd68cc74794996444c404cf07fa").tags())
                .containsEntry("mlflow.loggedModel.model", "m-5194034284b949aebff01c846abcdf2f");
        assertThat(metricKeys(run)).contains("roc_auc_mean").noneMatch(k -> k.startsWith("model/"));
    }
}
