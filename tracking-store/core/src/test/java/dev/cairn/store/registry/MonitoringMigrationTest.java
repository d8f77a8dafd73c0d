package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.RuleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion4StoreWithDriftBatchesIsMigratedAndItsBatchesHaveNoPerformance() throws Exception {
        Path file = dir.resolve("v4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, 4);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO registered_models(id, name, created_ms, updated_ms) VALUES (1, 'churn', 1, 1)");
                st.executeUpdate("INSERT INTO model_versions(model_id, version, status, created_ms, updated_ms) "
                        + "VALUES (1, 1, 'READY', 1, 1)");
                st.executeUpdate("INSERT INTO drift_datasets(model_id, version, kind, time_ms, row_count, sample_size, "
                        + "perf_metric, perf_value, created_ms) VALUES (1, 1, 'batch', 86400000, 10, 10, 'accuracy', 0.9, 1)");
            }
        }
        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.migratedFromVersion()).isEqualTo(4);
            assertThat(store.monitoring().batches("churn", 1)).singleElement()
                    .satisfies(b -> assertThat(b.performance()).isEmpty());
            AlertRule rule = store.monitoring().addRule(new AlertRule(0, "churn", null, RuleKind.DRIFT_SHARE, null,
                    null, false, 0.5, 1));
            assertThat(store.monitoring().rules("churn")).containsExactly(rule);
        }
        assertThat(SqliteDialect.backupPath(file, 4)).exists();
        try (TrackingStore again = TrackingStore.open(file)) {
            assertThat(again.migratedFromVersion()).isEqualTo(SchemaMigrator.CURRENT_VERSION);
        }
    }
}
