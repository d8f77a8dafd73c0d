package dev.cairn.app.serve;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.RunStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code cairn bench --mode server}: the tracking server's figures over loopback HTTP on a temporary SQLite store:
 * a 1,000-metric log-batch (server time from the {@code Server-Timing} header, and round trip), 16 clients logging
 * at once from a separate JVM (a warm-up round, then three rounds: points per second, wall, server and client CPU,
 * load, every point counted in the store), the first page of runs/search on a large store, and
 * get-history-bulk-interval on a 100,000-point metric. The machine's load average is reported with them.
 */
public final class ServerBenchmark {
    /**
     * Sizes: runs in the search store, batches per client, log-batch repetitions, points of the bulk-interval metric,
     * and warm-up rounds of the 16 clients before the measured ones.
     */
    public record Size(int searchRuns, int batchesPerClient, int batchRepeats, int seriesPoints, int warmUpRounds) {
    }

    public static final Size TINY = new Size(1_000, 3, 20, 10_000, 1);
    /**
     * Three warm-up rounds (~1M points): the JIT (C1, ADR 0017) compiles the logging path over the server's first
     * ~0.7M points; with one warm-up round the first measured rounds carried 0.3-0.7 s of compilation (ADR 0015).
     */
    public static final Size SMALL = new Size(20_000, 20, 200, 100_000, 3);
    public static final Size LARGE = new Size(100_000, 60, 500, 100_000, 2);
    static final int CLIENTS = 16;
    static final int BATCH = 1000;

    private final Size size;
    private final Path dir;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ServerBenchmark(Size size, Path dir, Consumer<String> progress) {
        this.size = size;
        this.dir = dir;
        this.progress = progress;
    }

    /** Runs every figure; the map is ordered for printing. */
    public Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "server");
        out.put("server", "JDK HttpServer, " + ServeOptions.DEFAULT_THREADS + " threads");
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("loadBefore", BenchFigures.load());
        try (TrackingStore store = TrackingStore.open(dir.resolve("server-bench.db"));
             TrackingServer server = TrackingServer.start(store, ServeOptions.loopback(0, dir.resolve("artifacts")))) {
            httpOverhead(server.uri(), out);
            logBatch(server.uri(), store, out);
            int rounds = size == TINY ? 1 : 3;
            for (int round = 0; round < size.warmUpRounds(); round++) {
                concurrent(server, store, new LinkedHashMap<>()); // warm-up: the JIT compiles the logging path
            }
            out.put("warmUpRounds", size.warmUpRounds());
            for (int round = 1; round <= rounds; round++) {
                Map<String, Object> figures = new LinkedHashMap<>();
                concurrent(server, store, figures);
                out.put("concurrentRound" + round, figures);
            }
            search(server.uri(), store, out);
            bulkInterval(server.uri(), store, out);
        }
        out.put("loadAfter", BenchFigures.load());
        return out;
    }

    /** The HTTP layer alone: 16 clients asking /health as fast as they can. */
    private void httpOverhead(URI uri, Map<String, Object> out) throws Exception {
        int each = size.batchRepeats() * 5;
        progress.accept(CLIENTS + " clients, " + each + " GET /health each");
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/health")).GET().build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        http.send(health, HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            out.put("healthRequestsPerSec", Math.round(CLIENTS * (double) each / ((System.nanoTime() - t0) / 1e9)));
        } finally {
            clients.shutdownNow();
        }
    }

    private void logBatch(URI uri, TrackingStore store, Map<String, Object> out) throws Exception {
        progress.accept("log-batch of " + BATCH + " metrics, " + size.batchRepeats() + " times");
        String run = store.runs().create(NewRun.in("bench")).id();
        double[] server = new double[size.batchRepeats()];
        double[] roundTrip = new double[size.batchRepeats()];
        for (int i = -10; i < size.batchRepeats(); i++) { // 10 warm-up requests
            String body = batchBody(run, Math.max(i, 0) + 10, "loss");
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(uri, "runs/log-batch", body);
            long t1 = System.nanoTime();
            if (i >= 0) {
                roundTrip[i] = (t1 - t0) / 1e6;
                server[i] = serverMs(r);
            }
        }
        out.put("logBatch1000ServerMsMedian", median(server));
        out.put("logBatch1000ServerMsP90", BenchFigures.percentile(server, 0.9));
        out.put("logBatch1000RoundTripMsMedian", median(roundTrip));
    }

    /**
     * 16 clients logging 1,000-metric batches at once, from a load generator in its own JVM ({@link LoadGenerator}:
     * requests encoded before the clock starts, one keep-alive connection per client). Points per second over the
     * wall time, the server's and the generator's CPU time, and every point counted in the store afterwards.
     */
    private void concurrent(TrackingServer server, TrackingStore store, Map<String, Object> out) throws Exception {
        progress.accept(CLIENTS + " clients (a separate JVM), " + size.batchesPerClient() + " log-batches of "
                + BATCH + " each");
        List<String> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            runs.add(store.runs().create(NewRun.in("bench-concurrent")).id());
        }
        Process child = LoadGenerator.start(server.uri().getPort(), size.batchesPerClient(), "m", runs);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
             Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            expect(lines.readLine(), "ready");
            out.put("loadBefore", BenchFigures.load());
            long[] before = server.commits().counts();
            long cpu0 = LoadGenerator.cpu();
            long jit0 = jitMs();
            long gc0 = gcMs();
            long t0 = System.nanoTime();
            go.write("go\n");
            go.flush();
            String[] done = expect(lines.readLine(), "done").split(" ");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long serverCpu = LoadGenerator.cpu() - cpu0;
            long jit = jitMs() - jit0;
            long gc = gcMs() - gc0;
            long[] after = server.commits().counts();
            out.put("loadAfter", BenchFigures.load());
            long expected = (long) CLIENTS * size.batchesPerClient() * BATCH;
            long stored = 0;
            for (String run : runs) {
                stored += store.metrics().read(run, "m").size();
            }
            out.put("clients", CLIENTS);
            out.put("pointsPerSec", Math.round(expected / seconds));
            out.put("wallMs", Math.round(seconds * 1000));
            out.put("serverCpuMs", serverCpu / 1_000_000);
            out.put("serverCpuNsPerPoint", Math.round((double) serverCpu / expected));
            out.put("serverJitMs", jit);
            out.put("serverGcMs", gc);
            out.put("clientCpuMs", Long.parseLong(done[4]) / 1_000_000);
            out.put("requestsOk", Long.parseLong(done[1]));
            out.put("requestsFailed", Long.parseLong(done[2]));
            out.put("pointsSent", expected);
            out.put("pointsStored", stored);
            out.put("requestsPerCommit", Math.round(10.0 * (after[0] - before[0])
                    / Math.max(1, after[1] - before[1])) / 10.0);
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static String expect(String line, String word) {
        if (line == null || !line.startsWith(word)) {
            throw new IllegalStateException("the load generator said '" + line + "', expected '" + word + "'");
        }
        return line;
    }

    private void search(URI uri, TrackingStore store, Map<String, Object> out) throws Exception {
        progress.accept("filling a " + size.searchRuns() + "-run store");
        SplittableRandom random = new SplittableRandom(42);
        String[] optimizers = {"adam", "sgd", "rmsprop", "adagrad"};
        for (int from = 0; from < size.searchRuns(); from += 5000) {
            int to = Math.min(size.searchRuns(), from + 5000);
            int first = from;
            store.write(w -> {
                for (int i = first; i < to; i++) {
                    RunRef r = w.createRun(NewRun.in("search").withName("run-" + i).withStatus(RunStatus.FINISHED)
                            .withTimes(1_700_000_000_000L + i, 1_700_000_000_000L + i + 60_000));
                    w.logParams(r, Map.of("optimizer", optimizers[i % 4], "lr", Double.toString(random.nextDouble())));
                    w.append(r, "loss", new long[] {0}, new long[] {1}, new double[] {random.nextDouble()}, 0, 1);
                    w.append(r, "acc", new long[] {0}, new long[] {1}, new double[] {random.nextDouble()}, 0, 1);
                }
            });
        }
        store.optimize();
        String expId = Long.toString(store.experiments().byName("search").orElseThrow().id());
        String plain = "{\"experiment_ids\": [\"" + expId + "\"], \"max_results\": 1000}";
        String filtered = "{\"experiment_ids\": [\"" + expId + "\"], \"max_results\": 100, \"filter\": "
                + "\"metrics.acc > 0.5 AND params.optimizer = 'adam'\", \"order_by\": [\"metrics.loss ASC\"]}";
        out.put("searchRuns", size.searchRuns());
        out.put("searchFirstPage1000ServerMs", timed(() -> post(uri, "runs/search", plain), 15));
        out.put("searchFilteredFirstPage100ServerMs", timed(() -> post(uri, "runs/search", filtered), 15));
    }

    private void bulkInterval(URI uri, TrackingStore store, Map<String, Object> out) throws Exception {
        progress.accept("get-history-bulk-interval on a " + size.seriesPoints() + "-point metric");
        String run = store.runs().create(NewRun.in("bench-series")).id();
        int n = size.seriesPoints();
        long[] steps = new long[n];
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            ts[i] = 1_700_000_000_000L + i;
            values[i] = Math.sin(i / 1000.0);
        }
        store.metrics().append(run, "loss", steps, ts, values);
        String query = "metrics/get-history-bulk-interval?run_ids=" + run + "&metric_key=loss";
        out.put("bulkIntervalPoints", n);
        out.put("bulkInterval2500ServerMs", timed(() -> get(uri, query + "&max_results=2500"), 15));
        out.put("bulkInterval320ServerMs", timed(() -> get(uri, query + "&max_results=320"), 15));
        out.put("historyWholeServerMs", timed(() -> get(uri, "metrics/get-history?run_id=" + run
                + "&metric_key=loss"), 5));
    }

    /** Median server time of {@code repeats} requests after three warm-ups. */
    private static double timed(Request request, int repeats) throws Exception {
        for (int i = 0; i < 3; i++) {
            check(request.send());
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            ms[i] = serverMs(check(request.send()));
        }
        return median(ms);
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("benchmark request failed: " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private HttpResponse<String> post(URI uri, String endpoint, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri.resolve("/api/2.0/mlflow/" + endpoint))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri, String endpointAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri.resolve("/api/2.0/mlflow/" + endpointAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double serverMs(HttpResponse<String> r) {
        String timing = r.headers().firstValue("Server-Timing").orElse("app;dur=NaN");
        return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
    }

    static String batchBody(String run, int batch, String key) {
        return batchBody(run, batch, key, 0);
    }

    /** A log-batch of {@link #BATCH} points of {@code key}, steps {@code batch * BATCH...}, values seeded per client. */
    static String batchBody(String run, int batch, String key, int client) {
        StringBuilder b = new StringBuilder(BATCH * 90).append("{\"run_id\": \"").append(run)
                .append("\", \"metrics\": [");
        SplittableRandom random = new SplittableRandom(client * 1_000_003L + batch);
        for (int i = 0; i < BATCH; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"key\": \"").append(key).append("\", \"value\": ")
                    .append(random.nextDouble()).append(", \"timestamp\": ").append(1_700_000_000_000L + i)
                    .append(", \"step\": ").append((long) batch * BATCH + i).append('}');
        }
        return b.append("]}").toString();
    }

    private static double median(double[] values) {
        return BenchFigures.percentile(values, 0.5);
    }

    /** Time the JIT's compilers spent so far (elapsed, summed over compiler threads), ms. */
    private static long jitMs() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Time spent collecting garbage so far, ms. */
    private static long gcMs() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }
}
