package dev.cairn.store.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throwaway PostgreSQL cluster made by {@code .ci/postgres.sh start} with an env file of its own, so a test may
 * restart or stop it without disturbing any other test. Without a local PostgreSQL (no {@code pg_ctl}) the test is
 * skipped, except under {@code CI=true}, where the script installs one (and a missing script fails).
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final Path script;
    private final Path env;
    private final String uri;
    private final String data;
    private final String bindir;
    private final int port;
    private final Path log;

    private ThrowawayPostgres(Path script, Path env, Map<String, String> vars) {
        this.script = script;
        this.env = env;
        this.uri = vars.get("CAIRN_TEST_PG");
        this.data = vars.get("CAIRN_PG_DATA");
        this.bindir = vars.get("CAIRN_PG_BINDIR");
        this.port = Integer.parseInt(vars.get("CAIRN_PG_PORT"));
        this.log = Path.of(data).resolveSibling("server.log");
    }

    /** Starts a cluster whose env file lives in {@code tmp}; skips the test when none can be had outside CI. */
    public static ThrowawayPostgres start(Path tmp) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Path script = findScript();
        if (script == null || !ci && !pgCtlInstalled()) {
            String reason = script == null ? ".ci/postgres.sh not found above " + Path.of("").toAbsolutePath()
                    : "no PostgreSQL server programs (pg_ctl) installed";
            if (ci) {
                throw new AssertionError("CI=true but " + reason);
            }
            Assumptions.assumeTrue(false, reason + ": the test needs a PostgreSQL cluster of its own");
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
        return new ThrowawayPostgres(script, env, vars);
    }

    /** {@code postgresql://cairn:<password>@127.0.0.1:<port>/postgres} (a superuser). */
    public String uri() {
        return uri;
    }

    /** The server's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The server's log file (pg_ctl start/restart write to it). */
    public Path log() {
        return log;
    }

    /** {@code pg_ctl restart -m fast}: every connection is dropped, the server is back when this returns. */
    public void restart() throws Exception {
        pgCtl("-m", "fast", "-w", "-t", "60", "restart");
    }

    /** {@code pg_ctl stop -m fast}: the server is down (connections refused) when this returns. */
    public void stop() throws Exception {
        pgCtl("-m", "fast", "-w", "-t", "60", "stop");
    }

    /** {@code pg_ctl start}: the server accepts connections when this returns. */
    public void start() throws Exception {
        pgCtl("-w", "-t", "60", "-l", log.toString(), "start");
    }

    /** Runs pg_ctl on this cluster (as the postgres user when we are root). */
    public void pgCtl(String... args) throws Exception {
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

    /** Stops the cluster and deletes its data directory. */
    @Override
    public void close() throws Exception {
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
