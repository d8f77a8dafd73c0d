package dev.cairn.store.registry;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.StoreVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A v5 store file (registry rows, aliases, history) migrated to v6, where versions and models can be deleted. */
class RegistryDeleteMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion5StoreIsMigratedAndItsVersionsAndModelsCanBeDeleted() throws Exception {
        Path file = dir.resolve("v5.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, 5);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO registered_models(id, name, created_ms, updated_ms) VALUES (1, 'churn', 1, 1)");
                for (int v = 1; v <= 2; v++) {
                    st.executeUpdate("INSERT INTO model_versions(model_id, version, status, created_ms, updated_ms, "
                            + "stage) VALUES (1, " + v + ", 'READY', 1, 1, 'Production')");
                    st.executeUpdate("INSERT INTO model_events(model_id, version, action, slot_kind, slot, from_value, "
                            + "to_value, user_name, time_ms) VALUES (1, " + v + ", 'promote', 'stage', 'Production', "
                            + "'None', 'Production', 'alice', " + v + ")");
                }
                st.executeUpdate("INSERT INTO model_aliases(model_id, alias, version) VALUES (1, 'champion', 2)");
            }
        }
        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.migratedFromVersion()).isEqualTo(5);
            ModelRegistry r = store.registry();
            assertThat(r.versions("churn")).hasSize(2);
            r.deleteVersion("churn", 2, r.expectCurrent("churn"), ChangeOptions.by("bob"));
            assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1);
            assertThat(r.versionByAlias("churn", "champion")).isEmpty();
            r.deleteModel("churn", r.expectCurrent("churn"), ChangeOptions.by("bob"));
            assertThat(r.models()).isEmpty();
        }
        assertThat(SqliteDialect.backupPath(file, 5)).exists();
        try (TrackingStore again = TrackingStore.open(file)) {
            assertThat(again.migratedFromVersion()).isEqualTo(SchemaMigrator.CURRENT_VERSION);
            assertThat(again.registry().model("churn")).isEmpty();
        }
    }

    @Test
    void aStoreFromANewerCairnIsRefusedUnchanged() throws Exception {
        Path file = dir.resolve("v7.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, SchemaMigrator.CURRENT_VERSION);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("PRAGMA user_version = " + (SchemaMigrator.CURRENT_VERSION + 1));
            }
        }
        assertThatThrownBy(() -> TrackingStore.open(file)).isInstanceOf(StoreVersionException.class)
                .hasMessageContaining("newer Cairn").hasMessageContaining("v" + (SchemaMigrator.CURRENT_VERSION + 1));
    }
}
