package dev.cairn.store;

import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.testing.ChildJvm;
import dev.cairn.store.testing.KillTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: a schema migration and a store copy, each in a real process killed with SIGKILL at a random
 * point of the operation (the child kills itself log-uniformly from 0 to 1.5 times the operation's time in a child that is not killed), then: integrity ok,
 * nothing that was in the store is lost (a migrated store keeps every run and param; a copy target is empty or
 * whole, its source untouched; a migration's backup is a whole copy of the old store, or absent), and running the
 * operation again completes. {@code -Dcairn.killTrials=N} (default 4 each in the suite; 50+ as a bench) sets the
 * trials; the figures are printed at the end.
 */
class KillDuringMigrationAndCopyTest {
    private static final int RUNS = 20_000;
    private static final int PARAMS = 5;
    @TempDir
    Path tmp;

    @Test
    void killedMigrationLeavesTheStoreAndItsBackupWholeAndOpensAfterwards() throws Exception {
        Path template = tmp.resolve("v1-template.db");
        createVersion1(template);
        Path measured = tmp.resolve("measured.db");
        Files.copy(template, measured);
        long operationNs = KillTrials.timed(ChildJvm.start("256m", StoreOpsProcessMain.class, "migrate",
                measured.toString(), "-1"));

        KillTrials trials = new KillTrials("migration", 4, operationNs);
        for (int trial = 0; trial < trials.count; trial++) {
            Path store = tmp.resolve("m" + trial + ".db");
            Files.copy(template, store);
            trials.run(ChildJvm.start("256m", StoreOpsProcessMain.class, "migrate", store.toString(),
                    String.valueOf(trials.nextKillNs())));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
                 Statement st = c.createStatement()) {
                if (scalar(st, "PRAGMA user_version").equals(String.valueOf(SchemaMigrator.CURRENT_VERSION))) {
                    trials.finishedBeforeKill();
                }
            }
            Path backup = SqliteDialect.backupPath(store, 1);
            if (Files.exists(backup)) {
                // a backup that exists is the whole old store: later migrations keep it as it is
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
                     Statement st = c.createStatement()) {
                    trials.check(trial, "backup integrity", scalar(st, "PRAGMA integrity_check"), "ok");
                    trials.check(trial, "backup version", scalar(st, "PRAGMA user_version"), "1");
                    trials.lost(RUNS - Long.parseLong(scalar(st, "SELECT count(*) FROM runs")));
                    trials.lost((long) RUNS * PARAMS - Long.parseLong(scalar(st, "SELECT count(*) FROM params")));
                }
            }
            try (TrackingStore s = TrackingStore.open(store)) {
                trials.integrity(trial, s);
                assertThat(s.migratedFromVersion()).isIn(1, SchemaMigrator.CURRENT_VERSION);
                List<dev.cairn.store.model.Run> runs = s.search().searchAll(RunQuery.all());
                trials.lost(RUNS - runs.size());
                Map<String, String> params = s.runs().params(runs.get(trial % runs.size()).id());
                trials.lost(PARAMS - params.size());
            }
            assertThat(SqliteDialect.backupPath(store, 1)).as("a migrated store has its backup").exists();
        }
        trials.report();
    }

    @Test
    void killedCopyLeavesTheTargetEmptyOrWholeAndCopyingAgainCompletes() throws Exception {
        Path source = tmp.resolve("source.db");
        try (TrackingStore s = TrackingStore.open(source)) {
            fill(s);
        }
        StoreInfo expected;
        try (TrackingStore s = TrackingStore.open(source, StoreOptions.readOnly())) {
            expected = s.info();
        }
        long operationNs = KillTrials.timed(ChildJvm.start("256m", StoreOpsProcessMain.class, "copy", source.toString(),
                tmp.resolve("measured.db").toString(), "-1"));

        KillTrials trials = new KillTrials("store copy", 4, operationNs);

        for (int trial = 0; trial < trials.count; trial++) {
            Path target = tmp.resolve("c" + trial + ".db");
            trials.run(ChildJvm.start("256m", StoreOpsProcessMain.class, "copy", source.toString(),
                    target.toString(), String.valueOf(trials.nextKillNs())));
            try (TrackingStore t = TrackingStore.open(target)) {
                trials.integrity(trial, t);
                StoreInfo got = t.info();
                if (got.runs() == 0 && got.experiments() == 0) {
                    try (TrackingStore s = TrackingStore.open(source, StoreOptions.readOnly())) {
                        s.copyInto(t, x -> { }); // copying again completes
                    }
                    got = t.info();
                } else {
                    trials.finishedBeforeKill();
                }
                trials.lost(expected.runs() - got.runs());
                trials.lost(expected.metricPoints() - got.metricPoints());
                assertThat(List.of(got.experiments(), got.runs(), got.metricPoints(), got.models()))
                        .as("trial %d: the target is whole", trial)
                        .isEqualTo(List.of(expected.experiments(), expected.runs(), expected.metricPoints(),
                                expected.models()));
            }
        }
        try (TrackingStore s = TrackingStore.open(source, StoreOptions.readOnly())) {
            trials.integrity(-1, s);
            assertThat(s.info().metricPoints()).as("the source is untouched").isEqualTo(expected.metricPoints());
        }
        trials.report();
    }

    /** A version-1 store as an old Cairn wrote it: {@link #RUNS} runs of {@link #PARAMS} params each. */
    private static void createVersion1(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(new SqliteDialect(file)).createAtVersion(c, 1);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO experiments(id, name, created_ms) VALUES (1, 'legacy', 1000)");
                for (int k = 1; k <= PARAMS; k++) {
                    st.execute("INSERT INTO keys(id, name) VALUES (" + k + ", 'p" + k + "')");
                }
            }
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs(seq, id, experiment_id, name, status, "
                    + "start_ms) VALUES (?, ?, 1, ?, 'FINISHED', ?)");
                 PreparedStatement param = c.prepareStatement("INSERT INTO params VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= RUNS; i++) {
                    run.setInt(1, i);
                    run.setString(2, String.format("%032x", i));
                    run.setString(3, "old-" + i);
                    run.setLong(4, 1000L + i);
                    run.addBatch();
                    for (int k = 1; k <= PARAMS; k++) {
                        param.setInt(1, i);
                        param.setInt(2, k);
                        param.setString(3, (i * 0.5) + " " + "x".repeat(100));
                        param.setDouble(4, i * 0.5);
                        param.addBatch();
                    }
                }
                run.executeBatch();
                param.executeBatch();
            }
            c.commit();
        }
    }

    /** 150 runs of 3 metrics of 4,000 points, params and tags. */
    private static void fill(TrackingStore store) {
        int n = 4_000;
        long[] steps = new long[n];
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int s = 0; s < n; s++) {
            steps[s] = s;
            ts[s] = 1_700_000_000_000L + s;
            values[s] = Math.sin(s) * s;
        }
        store.write(w -> {
            for (int r = 0; r < 150; r++) {
                RunRef run = w.createRun(NewRun.in("copy-" + r % 3).withName("run-" + r));
                w.logParams(run, Map.of("lr", String.valueOf(r * 0.01), "layers", String.valueOf(r % 5)));
                w.setTags(run, Map.of("team", "a"));
                for (String key : List.of("loss", "acc", "lr")) {
                    w.append(run, key, steps, ts, values);
                }
            }
        });
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
