package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NewRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion2StoreIsMigratedKeepingItsRunsAndBackedUp() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, 2);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO experiments(id, name, created_ms) VALUES (1, 'churn', 1)");
                st.executeUpdate("INSERT INTO runs(id, experiment_id, name, status) VALUES ('"
                        + "a".repeat(32) + "', 1, 'old run', 'FINISHED')");
            }
        }
        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.migratedFromVersion()).isEqualTo(2);
            assertThat(store.runs().require("a".repeat(32)).name()).isEqualTo("old run");
            ModelVersion v = store.registry().register(NewModelVersion.of("churn").fromRun("a".repeat(32)),
                    ChangeOptions.by("alice"));
            assertThat(v.runId()).isEqualTo("a".repeat(32));
            store.runs().create(NewRun.in("churn"));
        }
        Path backup = SqliteDialect.backupPath(file, 2);
        assertThat(backup).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'model_events'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(Files.size(file)).isPositive();
        try (TrackingStore again = TrackingStore.open(file)) {
            assertThat(again.migratedFromVersion()).isEqualTo(SchemaMigrator.CURRENT_VERSION);
            assertThat(again.registry().versions("churn")).hasSize(1);
        }
    }
}
