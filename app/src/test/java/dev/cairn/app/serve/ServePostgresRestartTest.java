package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.app.Main;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.testing.AnswerDroppingProxy;
import dev.cairn.store.testing.ThrowawayPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code cairn serve} (its own JVM, so Ctrl+C is a real SIGTERM and its log its real standard error) on a team
 * store whose PostgreSQL server is restarted while clients log over HTTP as MLflow's Python client does
 * ({@link MlflowRetryingClient}: retries on 429/500/502/503/504 with urllib3's backoff). The store is reached
 * through a proxy that can drop the server's answer to a COMMIT. Checked: every point answered 200 is stored exactly
 * once and none twice; answers during an outage are MLflow's {@code TEMPORARILY_UNAVAILABLE} 503 in one line, logged
 * at WARN without stack traces; the pool recovers without restarting the server; Ctrl+C while PostgreSQL is down
 * stops in bounded time. The cluster is the test's own ({@link ThrowawayPostgres}); skipped without PostgreSQL
 * outside CI.
 */
class ServePostgresRestartTest {
    private static final int CLIENTS = 4;
    private static final int BATCH = 20;
    /** Scaled-down MLflow backoff (defaults: factor 2 s, jitter 1 s): a client gives up after ~4 s of waits. */
    private static final double BACKOFF_S = 0.03;
    private static final double JITTER_S = 0.03;
    /** How long Ctrl+C may take while PostgreSQL is down. */
    private static final long STOP_BOUND_S = 45;

    @TempDir
    Path tmp;
    private ThrowawayPostgres cluster;
    private AnswerDroppingProxy proxy;
    private Process serve;
    private final StringBuffer serveLog = new StringBuffer();
    private final List<String> serveOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopClients;

    @AfterEach
    void tearDown() throws Exception {
        stopClients = true;
        if (serve != null) {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** What one client logged into its run and which of it was answered 200. */
    private static final class Client {
        final String runId;
        final MlflowRetryingClient http;
        final Set<Long> ackedLoss = ConcurrentHashMap.newKeySet();
        final Set<Long> ackedLr = ConcurrentHashMap.newKeySet();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger gaveUp = new AtomicInteger();
        final AtomicReference<Throwable> failed = new AtomicReference<>();
        volatile String lastTag;

        Client(String runId, MlflowRetryingClient http) {
            this.runId = runId;
            this.http = http;
        }
    }

    @Test
    void restartsWhileClientsLogLoseNothingAnsweredAndStoreNothingTwice() throws Exception {
        long t0 = System.nanoTime();
        cluster = ThrowawayPostgres.start(tmp);
        System.out.printf("  %-55s %6d ms%n", "cluster started", (System.nanoTime() - t0) / 1_000_000);
        proxy = new AnswerDroppingProxy("127.0.0.1", cluster.port());
        StoreLocation.Postgres direct = (StoreLocation.Postgres) StoreLocation.parse(cluster.uri());
        String viaProxy = "postgresql://" + direct.user() + ":" + direct.password() + "@127.0.0.1:" + proxy.port()
                + "/" + direct.database();
        URI uri = startServe(viaProxy);

        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            MlflowRetryingClient http = new MlflowRetryingClient(uri, BACKOFF_S, JITTER_S);
            JsonNode run = http.post("runs/create", "{\"experiment_id\": \"0\", \"run_name\": \"client-" + c
                    + "\", \"start_time\": 1000}");
            clients.add(new Client(run.at("/run/info/run_id").asText(), http));
        }
        List<Thread> threads = new ArrayList<>();
        for (Client client : clients) {
            Thread t = new Thread(() -> log(client), "client-" + client.runId);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        waitUntil("first batches answered", () -> total(clients, c -> c.acked.get()) >= 20);

        // PostgreSQL restarted under load, three times
        for (int r = 0; r < 3; r++) {
            int mark = total(clients, c -> c.acked.get());
            waitUntil("batches answered before restart " + r, () -> total(clients, c -> c.acked.get()) >= mark + 20);
            long t = System.nanoTime();
            cluster.restart();
            System.out.printf("  %-55s %6d ms%n", "pg_ctl restart", (System.nanoTime() - t) / 1_000_000);
        }

        // the answer to a COMMIT is lost: the server asks PostgreSQL (txid_status) and neither loses nor redoes it
        int beforeDrop = total(clients, c -> c.acked.get());
        proxy.dropTheAnswerToTheNextCommit();
        waitUntil("a COMMIT answer dropped", () -> proxy.dropped() == 1);
        waitUntil("answers after the dropped COMMIT", () -> total(clients, c -> c.acked.get()) >= beforeDrop + 8);

        // stopped past the clients' retries: each client gives up at least once, then the server comes back
        int[] gaveUpBefore = clients.stream().mapToInt(c -> c.gaveUp.get()).toArray();
        cluster.stop();
        waitUntil("every client gave up", () -> {
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).gaveUp.get() <= gaveUpBefore[i]) {
                    return false;
                }
            }
            return true;
        });
        cluster.start();
        int[] ackedBefore = clients.stream().mapToInt(c -> c.acked.get()).toArray();
        waitUntil("every client answered 200 again (same server process)", () -> {
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).acked.get() <= ackedBefore[i]) {
                    return false;
                }
            }
            return true;
        });
        assertThat(serve.isAlive()).isTrue();

        stopClients = true;
        long t1 = System.nanoTime();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(t.isAlive()).as("client finished").isFalse();
        }
        System.out.printf("  %-55s %6d ms%n", "clients finished", (System.nanoTime() - t1) / 1_000_000);
        for (Client c : clients) {
            assertThat(c.failed.get()).as("client %s", c.runId).isNull();
        }

        // Ctrl+C while PostgreSQL is down, a request in flight: stops within a bound
        cluster.stop();
        Client late = clients.get(0);
        int errorsBefore = late.http.errors.size();
        Thread inFlight = new Thread(() -> {
            try {
                late.http.post("runs/log-metric", "{\"run_id\": \"" + late.runId
                        + "\", \"key\": \"late\", \"value\": 1, \"timestamp\": 1, \"step\": 0}");
            } catch (MlflowRetryingClient.GaveUp | InterruptedException expected) {
                // the server is down, then gone
            }
        }, "in-flight");
        inFlight.setDaemon(true);
        inFlight.start();
        waitUntil("the late request answered 503 once (its retries go on)",
                () -> late.http.errors.size() > errorsBefore);
        long stopStart = System.nanoTime();
        serve.destroy(); // SIGTERM: the shutdown hook, as Ctrl+C
        boolean exited = serve.waitFor(STOP_BOUND_S, TimeUnit.SECONDS);
        long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);
        System.out.printf("cairn serve stopped %d ms after SIGTERM with PostgreSQL down%n", stopMs);
        assertThat(exited).as("cairn serve stopped within %d s of SIGTERM while PostgreSQL is down", STOP_BOUND_S)
                .isTrue();
        cluster.start();

        // every error answer: MLflow's shape, 503 TEMPORARILY_UNAVAILABLE, one line, no stack trace
        int errors = 0;
        for (Client c : clients) {
            for (MlflowRetryingClient.ErrorAnswer e : c.http.errors) {
                errors++;
                assertThat(e.status()).as("status of %s", e.body()).isEqualTo(503);
                JsonNode json = ApiClient.JSON.readTree(e.body());
                assertThat(json.path("error_code").asText()).as(e.body()).isEqualTo("TEMPORARILY_UNAVAILABLE");
                String message = json.path("message").asText();
                assertThat(message).as(e.body()).isNotBlank().doesNotContain("\n").doesNotContain("\tat ");
                assertThat(json.size()).as("only error_code and message: %s", e.body()).isEqualTo(2);
            }
        }
        assertThat(errors).as("error answers seen during the outages").isPositive();
        String log = serveLog.toString();
        assertThat(log).as("WARN lines for the outage").contains("[WARN]").contains("store unavailable");
        assertThat(log).as("no stack trace in the log").doesNotContain("\tat ");

        // what was answered 200 is stored once; nothing is stored twice
        int answered = 0;
        try (TrackingStore store = TrackingStore.open(StoreLocation.parse(cluster.uri()), StoreOptions.local())) {
            for (Client c : clients) {
                answered += c.acked.get();
                assertOnce("loss", store.metrics().read(c.runId, "loss").steps(), c.ackedLoss);
                assertOnce("lr", store.metrics().read(c.runId, "lr").steps(), c.ackedLr);
                assertThat(store.runs().tags(c.runId)).containsKey("phase");
            }
        }
        System.out.printf("  %-55s %6d ms%n", "whole test before teardown", (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("cairn serve on PostgreSQL: %d requests answered 200, %d error answers, %d give-ups, "
                + "3 restarts, 1 dropped COMMIT answer%n", answered, errors, total(clients, c -> c.gaveUp.get()));
    }

    /** One client's loop: a log-batch of {@value #BATCH} points, a log-metric, a set-tag, until told to stop. */
    private void log(Client c) {
        try {
            for (long b = 0; !stopClients; b++) {
                StringBuilder body = new StringBuilder("{\"run_id\": \"").append(c.runId).append("\", \"metrics\": [");
                for (int i = 0; i < BATCH; i++) {
                    long step = b * BATCH + i;
                    body.append(i == 0 ? "" : ", ").append("{\"key\": \"loss\", \"value\": ").append(step * 0.5)
                            .append(", \"timestamp\": ").append(1000 + step).append(", \"step\": ").append(step)
                            .append('}');
                }
                body.append("], \"tags\": [{\"key\": \"batch\", \"value\": \"").append(b).append("\"}]}");
                if (send(c, "runs/log-batch", body.toString())) {
                    for (int i = 0; i < BATCH; i++) {
                        c.ackedLoss.add(b * BATCH + i);
                    }
                }
                if (send(c, "runs/log-metric", "{\"run_id\": \"" + c.runId + "\", \"key\": \"lr\", \"value\": "
                        + b + ", \"timestamp\": " + (1000 + b) + ", \"step\": " + b + "}")) {
                    c.ackedLr.add(b);
                }
                if (send(c, "runs/set-tag", "{\"run_id\": \"" + c.runId + "\", \"key\": \"phase\", \"value\": \""
                        + b + "\"}")) {
                    c.lastTag = Long.toString(b);
                }
            }
        } catch (Throwable t) {
            c.failed.set(t);
        }
    }

    /** True when answered 200; a give-up is counted (MLflow would raise), a non-retried status fails the client. */
    private static boolean send(Client c, String endpoint, String body) throws InterruptedException {
        try {
            c.http.post(endpoint, body);
            c.acked.incrementAndGet();
            return true;
        } catch (MlflowRetryingClient.GaveUp e) {
            if (!MlflowRetryingClient.RETRY_STATUSES.contains(e.last) && e.last != -1) {
                throw new AssertionError(e.getMessage());
            }
            c.gaveUp.incrementAndGet();
            return false;
        }
    }

    private static void assertOnce(String key, long[] stored, Set<Long> acked) {
        Map<Long, Integer> seen = new HashMap<>();
        for (long s : stored) {
            seen.merge(s, 1, Integer::sum);
        }
        List<Long> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                .toList();
        List<Long> lost = acked.stream().filter(s -> !seen.containsKey(s)).sorted().toList();
        assertThat(lost).as("%s: steps answered 200 but not stored", key).isEmpty();
        assertThat(twice).as("%s: steps stored twice", key).isEmpty();
    }

    private URI startServe(String store) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        serve = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--store", store, "--port", "0", "--artifacts-root",
                tmp.resolve("artifacts").toString()).start();
        pipe(serve.getErrorStream(), line -> serveLog.append(line).append('\n'));
        pipe(serve.getInputStream(), serveOut::add);
        String prefix = "export MLFLOW_TRACKING_URI=";
        waitUntil("cairn serve printed its address", () -> !serve.isAlive()
                || serveOut.stream().anyMatch(l -> l.startsWith(prefix)));
        assertThat(serve.isAlive()).as("cairn serve runs: %s", serveLog).isTrue();
        String line = serveOut.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return URI.create(line.substring(prefix.length()).strip());
    }

    private static void pipe(InputStream in, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "serve-output");
        t.setDaemon(true);
        t.start();
    }

    private static int total(List<Client> clients, java.util.function.ToIntFunction<Client> f) {
        return clients.stream().mapToInt(f).sum();
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        try {
            waitFor(what, condition);
        } finally {
            System.out.printf("  %-55s %6d ms%n", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    private void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 90 s for: %s\n%s", what, serveLog).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }
}
