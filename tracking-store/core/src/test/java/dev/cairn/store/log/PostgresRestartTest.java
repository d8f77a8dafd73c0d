package dev.cairn.store.log;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreUnavailableException;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection: the PostgreSQL server of a team store is restarted (and stopped) while the Java logging API writes
 * to it. The test owns a throwaway cluster ({@code .ci/postgres.sh start} with its own env file), so restarting it
 * disturbs no other test. Without a local PostgreSQL (no {@code pg_ctl}) it is skipped, except under {@code CI=true},
 * where the script installs one.
 */
class PostgresRestartTest {
    @TempDir
    Path tmp;
    private Cluster cluster;

    @AfterEach
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.destroy();
        }
    }

    @Test
    void restartsMidWriteLoseNoPointAndWriteNoneTwice() throws Exception {
        cluster = Cluster.start(tmp);
        int points = 60_000;
        int restarts = 3;
        String runId;
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri), StoreOptions.local());
             Cairn cairn = Cairn.on(store, Duration.ofMillis(20))) {
            ActiveRun run = cairn.experiment("restart").startRun("mid-write");
            runId = run.id();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread training = new Thread(() -> {
                try {
                    for (int step = 0; step < points; step++) {
                        run.metric("loss", step * 0.5, step);
                        // a training loop that keeps the buffer small while the server is up
                        while (step % 100 == 0 && cairn.bufferedPoints() > 2_000 && !outage) {
                            LockSupport.parkNanos(200_000);
                        }
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "training");
            training.start();
            for (int r = 0; r < restarts; r++) {
                long flushes = cairn.flushCount();
                waitUntil(() -> cairn.flushCount() >= flushes + 3 || !training.isAlive());
                outage = true;
                cluster.pgCtl("-m", "fast", "-w", "-t", "60", "restart");
                outage = false;
            }
            training.join(TimeUnit.MINUTES.toMillis(5));
            assertThat(training.isAlive()).isFalse();
            assertThat(failed.get()).as("the training code never sees the outage").isNull();
            run.close();
            assertThat(cairn.bufferedPoints()).isZero();
        }
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri), StoreOptions.local())) {
            assertThat(store.search().count(RunQuery.all())).isEqualTo(1);
            assertThat(store.runs().require(runId).status()).isEqualTo(RunStatus.FINISHED);
            assertEveryStepOnce(store.metrics().read(runId, "loss"), points);
        }
    }

    @Test
    void anOutageLongerThanTheRetriesIsReportedAndLosesNothing() throws Exception {
        cluster = Cluster.start(tmp);
        int points = 5_000;
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri), StoreOptions.local());
             Cairn cairn = Cairn.on(store, Duration.ofHours(1))) {
            ActiveRun run = cairn.experiment("outage").startRun("server-down");
            for (int step = 0; step < points / 2; step++) {
                run.metric("loss", step, step);
            }
            cairn.flush();
            cluster.pgCtl("-m", "fast", "-w", "-t", "60", "stop");
            for (int step = points / 2; step < points; step++) {
                run.metric("loss", step, step);
            }

            assertThatThrownBy(cairn::flush).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(store.location().displayName())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(cairn.bufferedPoints()).as("kept for the next flush").isEqualTo(points / 2);

            cluster.pgCtl("-w", "-t", "60", "-l", cluster.log.toString(), "start");
            cairn.flush();
            assertThat(cairn.bufferedPoints()).isZero();
            assertThat(store.search().count(RunQuery.all())).as("the pool recovered").isEqualTo(1);
            assertEveryStepOnce(store.metrics().read(run.id(), "loss"), points);
        }
    }

    private volatile boolean outage;

    private static void assertEveryStepOnce(MetricSeries series, int points) {
        long[] steps = series.steps();
        Map<Long, Integer> seen = new HashMap<>();
        for (long s : steps) {
            seen.merge(s, 1, Integer::sum);
        }
        List<Long> twice = new ArrayList<>();
        seen.forEach((s, n) -> {
            if (n > 1) {
                twice.add(s);
            }
        });
        List<Long> missing = new ArrayList<>();
        for (long s = 0; s < points; s++) {
            if (!seen.containsKey(s)) {
                missing.add(s);
            }
        }
        System.out.printf("PostgreSQL restart: %d points, %d lost, %d written twice%n", points, missing.size(),
                twice.size());
        assertThat(missing).as("points lost").isEmpty();
        assertThat(twice).as("points written twice").isEmpty();
        assertThat(steps).hasSize(points);
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** A throwaway cluster made by {@code .ci/postgres.sh} with its own env file; the test may restart it. */
    static final class Cluster {
        final Path script;
        final Path env;
        final String uri;
        final String data;
        final String bindir;
        final Path log;

        private Cluster(Path script, Path env, Map<String, String> vars) {
            this.script = script;
            this.env = env;
            this.uri = vars.get("CAIRN_TEST_PG");
            this.data = vars.get("CAIRN_PG_DATA");
            this.bindir = vars.get("CAIRN_PG_BINDIR");
            this.log = Path.of(data).resolveSibling("server.log");
        }

        static Cluster start(Path tmp) throws Exception {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            Path script = findScript();
            if (script == null || !ci && !pgCtlInstalled()) {
                String reason = script == null ? ".ci/postgres.sh not found above " + Path.of("").toAbsolutePath()
                        : "no PostgreSQL server programs (pg_ctl) installed";
                if (ci) {
                    throw new AssertionError("CI=true but " + reason);
                }
                Assumptions.assumeTrue(false, reason + ": the restart test needs a cluster of its own");
            }
            Path env = tmp.resolve("cluster.env");
            Result r = run(List.of("bash", script.toString(), "start"), Map.of("CAIRN_PG_ENV", env.toString()));
            assertThat(r.code).as("postgres.sh start: %s", r.output).isZero();
            Map<String, String> vars = new HashMap<>();
            for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
                if (line.startsWith("export ")) {
                    int eq = line.indexOf('=');
                    vars.put(line.substring(7, eq), line.substring(eq + 1));
                }
            }
            return new Cluster(script, env, vars);
        }

        /** Runs pg_ctl on this cluster (as the postgres user when we are root). */
        void pgCtl(String... args) throws Exception {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(Path.of(bindir, "pg_ctl").toString());
            command.addAll(List.of("-D", data));
            command.addAll(List.of(args));
            if (List.of(args).contains("restart")) {
                command.addAll(List.of("-l", log.toString()));
            }
            Result r = run(command, Map.of());
            assertThat(r.code).as("pg_ctl %s: %s", String.join(" ", args), r.output).isZero();
        }

        void destroy() throws Exception {
            run(List.of("bash", script.toString(), "stop"), Map.of("CAIRN_PG_ENV", env.toString()));
        }

        private static boolean pgCtlInstalled() throws IOException {
            if (Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
                try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                    if (versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))) {
                        return true;
                    }
                }
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                    return true;
                }
            }
            return false;
        }

        private static Path findScript() {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                Path candidate = p.resolve(".ci/postgres.sh");
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private record Result(int code, String output) {
        }

        private static Result run(List<String> command, Map<String, String> env) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(-1, command + " did not finish: " + output);
            }
            return new Result(p.exitValue(), output);
        }
    }
}
