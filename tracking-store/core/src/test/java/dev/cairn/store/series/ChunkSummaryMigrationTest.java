package dev.cairn.store.series;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NewRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A v6 store file with metric chunks migrated to v7: every chunk gets its summary, and reads stay the same. */
class ChunkSummaryMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion6StoreGetsEveryChunkSummarisedAndDownsamplesTheSame() throws Exception {
        Path file = dir.resolve("v6.db");
        String run;
        BucketedSeries before;
        try (TrackingStore store = TrackingStore.open(file)) {
            run = store.runs().create(NewRun.in("e")).id();
            int n = 3_000;
            long[] s = new long[n];
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = i;
                t[i] = 1_000L + i;
                v[i] = Math.sin(i / 10.0);
            }
            store.metrics().append(run, "m", s, t, v);
            before = store.metrics().downsample(run, "m", SeriesRange.all(), 77);
        }
        // make it the v6 file an older Cairn wrote: no summary column
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE metric_chunks DROP COLUMN summary");
            st.execute("PRAGMA user_version = 6");
        }
        try (TrackingStore store = TrackingStore.open(file)) {
            assertThat(store.migratedFromVersion()).isEqualTo(6);
            BucketedSeries after = store.metrics().downsample(run, "m", SeriesRange.all(), 77);
            assertThat(after.min()).containsExactly(before.min());
            assertThat(after.max()).containsExactly(before.max());
            assertThat(after.last()).containsExactly(before.last());
            assertThat(after.count()).containsExactly(before.count());
        }
        assertThat(SqliteDialect.backupPath(file, 6)).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(summary) FROM metric_chunks")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(12);
            assertThat(rs.getLong(2)).as("chunks summarised by the migration").isEqualTo(12);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.CURRENT_VERSION);
        }
    }
}
