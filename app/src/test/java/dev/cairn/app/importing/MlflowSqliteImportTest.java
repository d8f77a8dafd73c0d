package dev.cairn.app.importing;

import dev.cairn.plugin.mlflow.MlflowFileStoreImporter;
import dev.cairn.plugin.mlflow.MlflowSqliteImporter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MlflowSqliteImportTest {
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

    private static Map<String, Object[]> rows(Path db, String sql) throws SQLException {
        Map<String, Object[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.put(String.valueOf(row[0]), row);
            }
        }
        return out;
    }

    @Test
    void aMetricValueThatIsTextFailsItsRunNamingTableAndRowNeverZero() throws Exception {
        Path db = tmp.resolve("mlruns.db");
        Files.copy(Fixtures.get("mlflow_db/MadanManav__MLFlow_tutorial_with_hyperopt/mlruns.db"), db);
        String bad;
        long rowid;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rowid, run_uuid FROM metrics ORDER BY rowid LIMIT 1")) {
                rs.next();
                rowid = rs.getLong(1);
                bad = rs.getString(2);
            }
            st.executeUpdate("UPDATE metrics SET value = 'abc' WHERE rowid = " + rowid);
        }

        ImportSummary s = importPath(db);

        assertThat(s.failed()).singleElement().satisfies(f -> assertThat(f.message()).contains(db.toString())
                .contains("table metrics, row " + rowid).contains("'abc' is not a number"));
        assertThat(s.added()).hasSize(99).doesNotContain(bad);
        assertThat(store.runs().get(bad)).isEmpty();
    }

    @Test
    void oldestSchemaWithHundredHyperoptRunsAndAnOddFileName() throws SQLException {
        Path db = Fixtures.get("mlflow_db/MadanManav__MLFlow_tutorial_with_hyperopt/mlruns.db");
        assertThat(service.detect(db).get(0).importer().id()).isEqualTo("mlflow-sqlite");
        assertThat(service.detect(db).get(0).confidence()).isGreaterThan(0.9);

        ImportSummary s = importPath(db);

        Map<String, Object[]> runs = rows(db, "SELECT run_uuid, status, start_time, end_time, user_id FROM runs");
        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(100).containsExactlyInAnyOrderElementsOf(runs.keySet());
        for (Object[] raw : runs.values()) {
            Run run = store.runs().require((String) raw[0]);
            assertThat(run.status()).isEqualTo(RunStatus.valueOf((String) raw[1]));
            assertThat(run.startMs()).isEqualTo(((Number) raw[2]).longValue());
            assertThat(run.user()).isEqualTo(raw[4]);
            assertThat(run.experimentName()).isEqualTo("MlpClassifier-Iris");
        }
        Map<String, Object[]> counts = rows(db, "SELECT run_uuid || '/' || key, count(*), max(value), min(value) "
                + "FROM metrics GROUP BY run_uuid, key");
        long total = 0;
        for (Map.Entry<String, Object[]> e : counts.entrySet()) {
            String[] idKey = e.getKey().split("/", 2);
            MetricSummary m = store.metrics().summaries(idKey[0]).get(idKey[1]);
            assertThat(m.count()).isEqualTo(((Number) e.getValue()[1]).longValue());
            assertThat(m.max()).isEqualTo(((Number) e.getValue()[2]).doubleValue());
            assertThat(m.min()).isEqualTo(((Number) e.getValue()[3]).doubleValue());
            total += m.count();
        }
        assertThat(total).isEqualTo(900);
        assertThat(store.runs().params("eeef7fdae27d41c98130b126a48517bb"))
                .containsEntry("hidden_layer_sizes", "(50, 50, 50)").hasSize(
                        rows(db, "SELECT key FROM params WHERE run_uuid = 'eeef7fdae27d41c98130b126a48517bb'")
                                .size());
        assertThat(importPath(db).unchanged()).hasSize(100);
    }

    @Test
    void mlflow3SchemaWithNaNAndFailedRuns() throws SQLException {
        Path db = Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db");

        ImportSummary s = importPath(db);

        assertThat(s.failed()).isEmpty();
        assertThat(s.added()).hasSize(7);
        assertThat(s.added().stream().filter(id -> store.runs().require(id).status() == RunStatus.FAILED))
                .hasSize(5);
        assertThat(s.warnings()).noneMatch(w -> w.contains("logged model"));
        MetricSummary nan = store.metrics().summaries("89fb0fd68cc74794996444c404cf07fa").get("roc_auc_mean");
        assertThat(nan.count()).isEqualTo(1);
        assertThat(nan.last()).isNaN();
        assertThat(store.metrics().read("89fb0fd68cc74794996444c404cf07fa", "roc_auc_mean").values()[0]).isNaN();
        MetricSummary real = store.metrics().summaries("7d53f90b50ed4fb1b1fcabbbe49dca40").get("roc_auc_mean");
        Object raw = rows(db, "SELECT run_uuid, value FROM metrics WHERE key = 'roc_auc_mean' "
                + "AND run_uuid = '7d53f90b50ed4fb1b1fcabbbe49dca40'").get("7d53f90b50ed4fb1b1fcabbbe49dca40")[1];
        assertThat(real.last()).isEqualTo(((Number) raw).doubleValue());
        assertThat(store.runs().require("7d53f90b50ed4fb1b1fcabbbe49dca40").experimentName())
                .isEqualTo("Heart-Disease-Classification");
        assertThat(store.runs().require("7d53f90b50ed4fb1b1fcabbbe49dca40").name()).isEqualTo("RandomForest");
    }

    @Test
    void aFileThatIsNotAnMlflowDatabaseIsAStatedError() throws Exception {
        Path notDb = Files.writeString(tmp.resolve("mlflow.db"), "definitely not sqlite");
        ImportSummary forced = service.importPaths(List.of(notDb), new ImportOptions("mlflow-sqlite", null, false),
                ImportListener.NONE);
        assertThat(forced.failed()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(notDb + ": offset 0: not a SQLite database"));

        ImportSummary cairnStore = service.importPaths(List.of(store.path()),
                new ImportOptions("mlflow-sqlite", null, false), ImportListener.NONE);
        assertThat(cairnStore.failed()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not MLflow's"));
        assertThat(service.detect(store.path())).isEmpty();
        assertThat(store.runsChangedSince(0)).isEmpty();
    }
}
