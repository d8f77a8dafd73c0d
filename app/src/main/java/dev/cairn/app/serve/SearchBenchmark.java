package dev.cairn.app.serve;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.bench.SyntheticRuns;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code cairn bench --mode search}: the first page of runs/search over loopback HTTP on a large store, as MLflow's
 * Python client asks for it ({@code MlflowClient.search_runs}: {@code max_results} 1,000, its default), with no
 * order, ordered by start time, by a metric and by a param. The store (runs with 20 params, 10 metrics of a few
 * points and 4 tags each, all in one experiment) is built once and kept: building it takes minutes.
 * Every query is warmed up first (5 rounds of all four), then each is timed: median and p90 of the server time
 * (the {@code Server-Timing} header: request read, search, page read, JSON written) and of the round trip to the
 * last byte, with the process CPU time and the machine's load.
 */
public final class SearchBenchmark {
    static final int POINTS = 3;
    static final int PAGE = 1000;
    private static final int WARM_UP = 5;

    private final int runs;
    private final int repeats;
    private final Path file;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param runs    runs in the store
     * @param repeats timed requests per query (after 3 warm-ups)
     * @param dir     where the store is kept ({@code cairn-serve-search-<runs>.db}), built when absent
     */
    public SearchBenchmark(int runs, int repeats, Path dir, Consumer<String> progress) {
        this.runs = runs;
        this.repeats = repeats;
        this.file = dir.resolve("cairn-serve-search-" + runs + ".db");
        this.progress = progress;
    }

    /** The figures, ordered for printing. */
    public Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", "search");
        out.put("store", file.toString());
        out.put("runs", runs);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        if (!Files.exists(built())) {
            build();
        }
        out.put("loadBefore", BenchFigures.load());
        try (TrackingStore store = TrackingStore.open(file);
             TrackingServer server = TrackingServer.start(store, ServeOptions.loopback(0,
                     file.resolveSibling("cairn-serve-search-artifacts")))) {
            String exp = Long.toString(store.experiments().byName("search").orElseThrow().id());
            Map<String, String> orders = new LinkedHashMap<>();
            orders.put("none", null);
            orders.put("startTimeDesc", "attributes.start_time DESC");
            orders.put("metricDesc", "metrics.m0 DESC");
            orders.put("paramAsc", "params.p1 ASC");
            Map<String, HttpRequest> requests = new LinkedHashMap<>();
            for (Map.Entry<String, String> o : orders.entrySet()) {
                String body = "{\"experiment_ids\": [\"" + exp + "\"], \"max_results\": " + PAGE
                        + ", \"run_view_type\": \"ACTIVE_ONLY\""
                        + (o.getValue() == null ? "" : ", \"order_by\": [\"" + o.getValue() + "\"]") + "}";
                requests.put(o.getKey(), HttpRequest.newBuilder(server.uri().resolve("/api/2.0/mlflow/runs/search"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
            }
            // warm-up of every query first, so the JIT's work does not land on whichever query is timed first
            progress.accept("warming up: " + WARM_UP + " rounds of the " + requests.size() + " queries");
            for (int i = 0; i < WARM_UP; i++) {
                for (HttpRequest request : requests.values()) {
                    send(request);
                }
            }
            for (Map.Entry<String, HttpRequest> r : requests.entrySet()) {
                progress.accept("runs/search, " + PAGE + " runs, order_by " + orders.get(r.getKey()));
                out.put(r.getKey(), timed(r.getValue()));
            }
        }
        out.put("loadAfter", BenchFigures.load());
        return out;
    }

    private Map<String, Object> timed(HttpRequest request) throws Exception {
        double[] server = new double[repeats];
        double[] roundTrip = new double[repeats];
        long cpu0 = LoadGenerator.cpu();
        int size = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = send(request);
            roundTrip[i] = (System.nanoTime() - t0) / 1e6;
            String timing = r.headers().firstValue("Server-Timing").orElse("app;dur=NaN");
            server[i] = Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
            size = r.body().length;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serverMsMedian", BenchFigures.percentile(server, 0.5));
        out.put("serverMsP90", BenchFigures.percentile(server, 0.9));
        out.put("roundTripMsMedian", BenchFigures.percentile(roundTrip, 0.5));
        out.put("roundTripMsP90", BenchFigures.percentile(roundTrip, 0.9));
        out.put("cpuMsPerRequest", Math.round((LoadGenerator.cpu() - cpu0) / 1e4 / repeats) / 100.0);
        out.put("responseBytes", size);
        out.put("load", BenchFigures.load());
        return out;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("runs/search failed: " + r.statusCode() + " "
                    + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return r;
    }

    /**
     * Builds the store; a marker file beside it says it is complete (a build cut short is started again).
     */
    private void build() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        progress.accept("building a " + runs + "-run store (once; kept as " + file + ")");
        long t0 = System.nanoTime();
        try (TrackingStore store = TrackingStore.open(file)) {
            SyntheticRuns.write(store, runs, new SyntheticRuns.Shape(i -> "search", POINTS, true),
                    new SplittableRandom(42), n -> progress.accept(n + " runs"));
            store.optimize();
        }
        Files.writeString(built(), "complete\n");
        progress.accept(String.format(Locale.ROOT, "built in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private Path built() {
        return file.resolveSibling(file.getFileName() + ".built");
    }
}
