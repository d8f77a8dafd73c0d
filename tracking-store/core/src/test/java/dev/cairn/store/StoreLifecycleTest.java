package dev.cairn.store;

import dev.cairn.store.internal.Internals;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreReadOnlyException;
import dev.cairn.store.model.StoreVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening, migrating, refusing and read-only behaviour of store files. */
class StoreLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void aStoreFromTheFirstSchemaVersionIsCopiedAsideThenMigrated() throws Exception {
        Path file = dir.resolve("old.db");
        String runId = "0123456789abcdef0123456789abcdef";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, 1);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO experiments(id, name, created_ms) VALUES (1, 'legacy', 1000)");
                st.execute("INSERT INTO runs(seq, id, experiment_id, name, status, start_ms) "
                        + "VALUES (1, '" + runId + "', 1, 'old-run', 'FINISHED', 2000)");
                st.execute("INSERT INTO keys(id, name) VALUES (1, 'lr')");
                st.execute("INSERT INTO params VALUES (1, 1, '0.01', 0.01)");
            }
        }
        byte[] before = Files.readAllBytes(file);

        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.migratedFromVersion()).isEqualTo(1);
            Run run = store.runs().require(runId);
            assertThat(run.name()).isEqualTo("old-run");
            assertThat(store.runs().params(runId)).containsEntry("lr", "0.01");
            long token = store.changeToken();
            store.runs().setNote(runId, "migrated");
            assertThat(store.runsChangedSince(token)).containsExactly(runId);
            assertThat(store.runs().provenance(runId)).isEmpty();
        }
        Path backup = dir.resolve("old.db.bak-v1");
        assertThat(backup).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("old-run");
        }
        assertThat(before).isNotEmpty();
        try (TrackingStore again = TrackingStore.open(file)) {
            assertThat(again.migratedFromVersion()).isEqualTo(SchemaMigrator.CURRENT_VERSION);
        }
    }

    @Test
    void aStoreFromANewerCairnIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("future.db");
        try (TrackingStore store = TrackingStore.open(file)) {
            store.runs().create(NewRun.in("e"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        String hash = sha256(file);
        assertThatThrownBy(() -> TrackingStore.open(file))
                .isInstanceOf(StoreVersionException.class)
                .hasMessageContaining("newer Cairn")
                .hasMessageContaining("v99")
                .hasMessageContaining("v" + SchemaMigrator.CURRENT_VERSION);
        assertThat(sha256(file)).isEqualTo(hash);
        assertThat(dir.resolve("future.db.bak-v99")).doesNotExist();
    }

    @Test
    void aForeignSqliteFileIsRefused() throws Exception {
        Path file = dir.resolve("mlflow.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE alembic_version (version_num TEXT)");
        }
        assertThatThrownBy(() -> TrackingStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a Cairn store");
    }

    @Test
    void readOnlyStoresReadButRefuseWritesClearly() {
        Path file = dir.resolve("s.db");
        String id;
        try (TrackingStore store = TrackingStore.open(file)) {
            id = store.runs().create(NewRun.in("e").withName("r")).id();
            store.metrics().append(id, "loss", 1, 1, 0.5);
        }
        try (TrackingStore store = TrackingStore.open(file, StoreOptions.readOnly())) {
            assertThat(store.mode()).isEqualTo(StoreMode.READ_ONLY);
            assertThat(store.runs().require(id).name()).isEqualTo("r");
            assertThat(store.metrics().read(id, "loss").values()).containsExactly(0.5);
            assertThat(store.changeToken()).isPositive();
            assertThatThrownBy(() -> store.runs().rename(id, "x")).isInstanceOf(StoreReadOnlyException.class)
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void aMissingStoreOpenedWithoutCreateIsNamed() {
        Path file = dir.resolve("nope.db");
        assertThatThrownBy(() -> TrackingStore.open(file, StoreOptions.local().withCreate(false)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope.db");
        assertThat(file).doesNotExist();
    }

    @Test
    void sharedModeUsesARollbackJournalAndSeesOtherWriters() throws Exception {
        Path file = dir.resolve("net.db");
        try (TrackingStore a = TrackingStore.open(file, StoreOptions.shared());
             TrackingStore b = TrackingStore.open(file, StoreOptions.shared())) {
            assertThat(a.mode()).isEqualTo(StoreMode.SHARED);
            Run run = a.runs().create(NewRun.in("e"));
            long token = b.changeToken();
            a.metrics().append(run.id(), "m", 0, 0, 1.0);
            assertThat(b.changeToken()).isGreaterThan(token);
            assertThat(b.metrics().read(run.id(), "m").size()).isEqualTo(1);
            String journal = Internals.database(a).read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    return rs.getString(1);
                }
            });
            assertThat(journal).isEqualTo("delete");
        }
        assertThat(dir.resolve("net.db-wal")).doesNotExist();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
