package dev.cairn.app.importing;

import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.plugin.mlflow.MlflowSqliteImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The MLflow model registry (file store models/ and the SQLite registry tables) goes into Cairn's registry. */
class MlflowRegistryImportTest {
    private static final String SAMPLE = "mlruns/silver6wings__MLFlowSample";
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

    /** version meta.yaml files of a store's registry, read raw: model -> version -> (stage, run id). */
    private static Map<String, Map<Integer, String[]>> rawVersions(Path models) throws IOException {
        Map<String, Map<Integer, String[]>> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(models)) {
            for (Path p : s.filter(f -> f.getParent().getFileName().toString().startsWith("version-")
                    && f.getFileName().toString().equals("meta.yaml")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.computeIfAbsent(field(text, "name"), k -> new TreeMap<>()).put(
                        Integer.parseInt(field(text, "version")),
                        new String[] {field(text, "current_stage"), field(text, "run_id")});
            }
        }
        return out;
    }

    private static String field(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": (.*)$").matcher(yaml);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void fileStoreRegistryKeepsVersionNumbersStagesAndSourceRuns() throws IOException {
        Path root = Fixtures.get(SAMPLE);
        Map<String, Map<Integer, String[]>> raw = rawVersions(root.resolve("mlruns/models"));

        ImportSummary s = importPath(root);

        assertThat(s.failed()).isEmpty();
        assertThat(store.registry().models()).extracting(RegisteredModel::name)
                .containsExactlyInAnyOrderElementsOf(raw.keySet());
        assertThat(s.models()).hasSize(raw.size() + 1);
        for (Map.Entry<String, Map<Integer, String[]>> m : raw.entrySet()) {
            List<ModelVersion> versions = store.registry().versions(m.getKey());
            assertThat(versions).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(m.getValue().keySet());
            for (ModelVersion v : versions) {
                String[] expected = m.getValue().get(v.version());
                assertThat(v.stage()).as(m.getKey() + " v" + v.version()).isEqualTo(Stage.parse(expected[0]));
                assertThat(v.runId()).as(m.getKey() + " v" + v.version() + " run").isEqualTo(expected[1]);
                assertThat(v.status()).isEqualTo(VersionStatus.READY);
            }
        }
        ModelVersion v3 = store.registry().version("sk-learn-random-forest-reg-model", 3);
        assertThat(v3.source()).isEqualTo("mlflow-artifacts:/0/7e32eb2086eb405798f997fb5610f725/artifacts/sklearn-model");
        assertThat(v3.createdMs()).isEqualTo(1685526610639L);
        List<ModelEvent> history = store.registry().history("sk-learn-random-forest-reg-model");
        assertThat(history).extracting(ModelEvent::action).containsOnly(EventAction.IMPORT);
        assertThat(history).filteredOn(e -> e.version() == 3).singleElement()
                .satisfies(e -> assertThat(e.timeMs()).isEqualTo(1685526869676L))
                .satisfies(e -> assertThat(e.to()).isEqualTo("Production"));
        assertThat(store.registry().model("ElasticnetWineModel").orElseThrow().description())
                .isEqualTo("- add xxx funtion");
        assertThat(s.warnings()).anyMatch(w -> w.contains("src/mlruns/models/sk-learn-random-forest-reg-model")
                && w.contains("version 1 is already in the registry"));
    }

    @Test
    void reimportChangesNothingAndALaterStageChangeIsRecorded() throws IOException {
        Path root = Fixtures.copy(SAMPLE, tmp.resolve("copy"));
        importPath(root);
        int events = store.registry().history("test_r_m").size();

        ImportSummary again = importPath(root);

        assertThat(again.models()).extracting(ImportSummary.Model::outcome).containsOnly("unchanged");
        assertThat(store.registry().history("test_r_m")).hasSize(events);
        assertThat(store.registry().version("test_r_m", 1).stage()).isEqualTo(Stage.ARCHIVED);

        Path meta = root.resolve("mlruns/models/test_r_m/version-1/meta.yaml");
        Files.writeString(meta, Files.readString(meta).replace("current_stage: Archived", "current_stage: Staging"));
        Files.createDirectories(root.resolve("mlruns/models/test_r_m/aliases"));
        Files.writeString(root.resolve("mlruns/models/test_r_m/aliases/champion"), "1");
        ImportSummary changed = importPath(root);

        assertThat(changed.models()).contains(new ImportSummary.Model("test_r_m", "updated"));
        assertThat(store.registry().version("test_r_m", 1).stage()).isEqualTo(Stage.STAGING);
        assertThat(store.registry().version("test_r_m", 1).aliases()).containsExactly("champion");
        assertThat(store.registry().history("test_r_m")).hasSize(events + 2);
    }

    @Test
    void sqliteRegistryTablesWithAliasesAndTags() throws IOException, SQLException {
        Path db = tmp.resolve("mlflow.db");
        Files.copy(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db"), db);
        db.toFile().setWritable(true);
        String run = "89fb0fd68cc74794996444c404cf07fa";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO registered_models(name, creation_time, last_updated_time, description) "
                    + "VALUES ('heart', 1766000000000, 1766000900000, 'heart disease classifier')");
            st.execute("INSERT INTO model_versions(name, version, creation_time, last_updated_time, description, "
                    + "user_id, current_stage, source, run_id, status) VALUES "
                    + "('heart', 1, 1766000000000, 1766000100000, NULL, 'kathula', 'Archived', 'models:/m-1', '"
                    + run + "', 'READY'), "
                    + "('heart', 3, 1766000500000, 1766000600000, 'retrained', 'kathula', 'Production', "
                    + "'models:/m-3', 'ffffffffffffffffffffffffffffffff', 'READY')");
            st.execute("INSERT INTO registered_model_aliases(alias, version, name) VALUES ('champion', 3, 'heart')");
            st.execute("INSERT INTO registered_model_tags(key, value, name) VALUES ('team', 'cardio', 'heart')");
            st.execute("INSERT INTO model_version_tags(key, value, name, version) VALUES ('validated', 'yes', 'heart', 3)");
        }

        ImportSummary s = importPath(db);

        assertThat(s.failed()).isEmpty();
        assertThat(s.models()).containsExactly(new ImportSummary.Model("heart", "added"));
        assertThat(store.registry().versions("heart")).extracting(ModelVersion::version).containsExactly(1, 3);
        ModelVersion v1 = store.registry().version("heart", 1);
        assertThat(v1.runId()).isEqualTo(run);
        assertThat(v1.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(v1.user()).isEqualTo("kathula");
        ModelVersion v3 = store.registry().version("heart", 3);
        assertThat(v3.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(v3.runId()).isNull();
        assertThat(v3.aliases()).containsExactly("champion");
        assertThat(v3.tags()).containsEntry("validated", "yes");
        assertThat(v3.description()).isEqualTo("retrained");
        assertThat(store.registry().requireModel("heart").tags()).containsEntry("team", "cardio");
        assertThat(s.warnings()).anyMatch(w -> w.contains("ffffffffffffffffffffffffffffffff")
                && w.contains("not in the store"));

        ImportSummary again = importPath(db);
        assertThat(again.models()).containsExactly(new ImportSummary.Model("heart", "unchanged"));
    }
}
