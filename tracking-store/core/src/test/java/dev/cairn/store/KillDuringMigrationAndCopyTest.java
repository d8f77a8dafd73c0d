package dev.cairn.store;

import dev.cairn.store.internal.sql.SchemaMigrator;
import dev.cairn.store.internal.sql.SqliteDialect;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
        long operationNs = Trials.timed(ChildJvm.start("256m", StoreOpsProcessMain.class, "migrate",
                measured.toString(), "-1"));

        Trials trials = new Trials("migration", operationNs);
        for (int trial = 0; trial < trials.count; trial++) {
            Path store = tmp.resolve("m" + trial + ".db");
            Files.copy(template, store);
            trials.run(ChildJvm.start("256m", StoreOpsProcessMain.class, "migrate", store.toString(),
                    String.valueOf(trials.nextKillNs())));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
                 Statement st = c.createStatement()) {
                if (scalar(st, "PRAGMA user_version").equals(String.valueOf(SchemaMigrator.CURRENT_VERSION))) {
                    trials.finishedBeforeKill++;
                }
            }
            Path backup = SqliteDialect.backupPath(store, 1);
            if (Files.exists(backup)) {
                // a backup that exists is the whole old store: later migrations keep it as it is
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup);
                     Statement st = c.createStatement()) {
                    trials.check(trial, "backup integrity", scalar(st, "PRAGMA integrity_check"), "ok");
                    trials.check(trial, "backup version", scalar(st, "PRAGMA user_version"), "1");
                    trials.lost += Math.max(0, RUNS - Long.parseLong(scalar(st, "SELECT count(*) FROM runs")));
                    trials.lost += Math.max(0, (long) RUNS * PARAMS
                            - Long.parseLong(scalar(st, "SELECT count(*) FROM params")));
                }
            }
            try (TrackingStore s = TrackingStore.open(store)) {
                trials.integrity(trial, s);
                assertThat(s.migratedFromVersion()).isIn(1, SchemaMigrator.CURRENT_VERSION);
                List<dev.cairn.store.model.Run> runs = s.search().searchAll(RunQuery.all());
                trials.lost += Math.max(0, RUNS - runs.size());
                Map<String, String> params = s.runs().params(runs.get(trial % runs.size()).id());
                trials.lost += Math.max(0, PARAMS - params.size());
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
        long operationNs = Trials.timed(ChildJvm.start("256m", StoreOpsProcessMain.class, "copy", source.toString(),
                tmp.resolve("measured.db").toString(), "-1"));

        Trials trials = new Trials("store copy", operationNs);

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
                    trials.finishedBeforeKill++;
                }
                trials.lost += Math.max(0, expected.runs() - got.runs())
                        + Math.max(0, expected.metricPoints() - got.metricPoints());
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

    /** Kill timing, counts and problems of one trial set. */
    private static final class Trials {
        final String name;
        final int count = Integer.getInteger("cairn.killTrials", 4);
        final long seed = Long.getLong("cairn.killSeed", System.nanoTime());
        final Random random = new Random(seed);
        final long windowNs;
        final List<String> problems = new ArrayList<>();
        int integrityFailures;
        int finishedBeforeKill;
        long lost;

        Trials(String name, long operationNs) {
            this.name = name;
            this.windowNs = operationNs * 3 / 2;
        }

        /** The operation's time, as the child measured it (run without a kill). */
        static long timed(Process p) throws Exception {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                        .startsWith("took ");
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                return Long.parseLong(line.substring(5));
            }
        }

        /**
         * Log-uniform from 0 to the window: as many kills in the first microseconds of the operation as in its last
         * milliseconds (commit, checkpoint).
         */
        long nextKillNs() {
            return (long) Math.pow(windowNs + 1, random.nextDouble()) - 1;
        }

        /** Waits for the child to kill itself (or to finish). */
        void run(Process p) throws Exception {
            p.getOutputStream().close();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(137);
        }

        void integrity(int trial, TrackingStore s) {
            String result = s.integrityCheck();
            if (!"ok".equals(result)) {
                integrityFailures++;
                problems.add("trial " + trial + ": integrity " + result);
            }
        }

        void check(int trial, String what, String got, String expected) {
            if (!expected.equals(got)) {
                problems.add("trial " + trial + ": " + what + " " + got);
            }
        }

        void report() {
            System.out.printf("kill -9 during %s: %d trials (seed %d, kill within %d us of the start), %d finished "
                    + "before the kill, %d integrity failures, %d rows or points lost%n", name, count, seed,
                    windowNs / 1000, finishedBeforeKill, integrityFailures, lost);
            assertThat(problems).isEmpty();
            assertThat(lost).isZero();
        }
    }
}
