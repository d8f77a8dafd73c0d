package dev.cairn.store.bench;

import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.log.ActiveRun;
import dev.cairn.store.log.Cairn;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.SeriesRange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The project's store benchmark ({@code cairn bench}): ingest through the batch API, buffered logger calls,
 * whole-series read, downsampling, a filtered sorted query on a large store, and bytes per point on disk — each
 * also measured for the naive design (one row per point, MLflow's layout) in the same run and on the same engine
 * (SQLite files, or databases on one PostgreSQL server: see {@link BenchDatabases}), with ratios, so the figures
 * hold on a noisy machine.
 */
public final class StoreBenchmark {
    /** Points in the series that the read and downsample figures use (at scales small and large). */
    public static final int SERIES_POINTS = 1_000_000;
    /** Buckets for the downsample figure. */
    public static final int BUCKETS = 2_000;
    /** The query figure's filter. */
    public static final String FILTER = "metrics.acc > 0.5 AND params.optimizer = 'adam'";
    /** The query figure's order. */
    public static final String ORDER = "metrics.loss.min ASC";
    static final int BATCH = 100_000;
    private static final String[] OPTIMIZERS = {"adam", "sgd", "rmsprop", "adagrad"};

    private final BenchScale scale;
    private final BenchDatabases databases;
    private final Consumer<String> progress;

    /** The benchmark on {@code databases} (which the caller closes). */
    public StoreBenchmark(BenchScale scale, BenchDatabases databases, Consumer<String> progress) {
        this.scale = scale;
        this.databases = databases;
        this.progress = progress;
    }

    /** The benchmark on two SQLite files in {@code dir}. */
    public StoreBenchmark(BenchScale scale, Path dir, Consumer<String> progress) {
        this(scale, BenchDatabases.sqlite(dir), progress);
    }

    /** Runs every figure and returns them as an ordered map (numbers, plus {@code naive} and {@code ratios}). */
    public Map<String, Object> run() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> naive = new LinkedHashMap<>();
        out.put("scale", scale.name().toLowerCase(java.util.Locale.ROOT));
        out.put("backend", databases.backend());
        out.put("stores", databases.describe());
        try (TrackingStore store = databases.openCairn(); NaiveMetricStore nv = databases.openNaive()) {
            ingest(store, out);
            reads(store, out);
            logger(store, out);
            progress.accept("cairn so far: " + out);
            naiveFigures(nv, naive);
            progress.accept("naive so far: " + naive);
            query(store, nv, out, naive);
        }
        out.put("naive", naive);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("ingest", ratio((Double) out.get("ingestPointsPerSec"), (Double) naive.get("ingestPointsPerSec")));
        ratios.put("loggerCalls", ratio((Double) out.get("loggerCallsPerSec"), (Double) naive.get("loggerCallsPerSec")));
        ratios.put("seriesRead", ratio((Double) naive.get("seriesReadMs"), (Double) out.get("seriesReadMs")));
        ratios.put("downsample", ratio((Double) naive.get("downsampleMs"), (Double) out.get("downsampleMs")));
        ratios.put("query", ratio((Double) naive.get("queryMs"), (Double) out.get("queryMs")));
        ratios.put("bytesPerPoint", ratio((Double) naive.get("bytesPerPoint"), (Double) out.get("bytesPerPoint")));
        out.put("ratios", ratios);
        out.put("ratiosMeaning", "Cairn over naive for throughputs, naive over Cairn for times and bytes: "
                + "above 1 means Cairn is better");
        return out;
    }

    private void ingest(TrackingStore store, Map<String, Object> out) throws Exception {
        int seriesPoints = scale.seriesPoints;
        int series = Math.max(1, scale.ingestPoints / seriesPoints);
        progress.accept("ingest: " + series + " series x " + seriesPoints + " points through the batch API");
        Run run = store.runs().create(NewRun.in("bench").withName("ingest"));
        long t0 = System.nanoTime();
        long total = 0;
        for (int s = 0; s < series; s++) {
            total += appendSeries(store, run.id(), "series" + s, seriesPoints);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.put("ingestPoints", total);
        out.put("ingestPointsPerSec", Timer.round(total / seconds, 0));
        out.put("bytesPerPoint", Timer.round((double) store.info().seriesBytes() / total, 2));
        out.put("ingestRunId", run.id());
    }

    /**
     * Appends a {@code points}-point series (steps 0.., timestamps 12 ms apart with jitter, a decaying value with
     * noise) to run {@code runId} through the batch API, {@value #BATCH} points per call; returns {@code points}.
     */
    static long appendSeries(TrackingStore store, String runId, String key, int points) {
        int batch = Math.min(BATCH, points);
        long[] steps = new long[batch];
        long[] ts = new long[batch];
        double[] values = new double[batch];
        SplittableRandom random = new SplittableRandom(42);
        long total = 0;
        for (int from = 0; from < points; from += batch) {
            fill(steps, ts, values, from, random);
            store.metrics().append(runId, key, steps, ts, values);
            total += batch;
        }
        return total;
    }

    private void reads(TrackingStore store, Map<String, Object> out) throws Exception {
        String runId = (String) out.remove("ingestRunId");
        int seriesPoints = scale.seriesPoints;
        progress.accept("read and downsample a " + seriesPoints + "-point series");
        out.put("seriesPoints", seriesPoints);
        out.put("seriesReadMs", Timer.round(Timer.medianMillis(3, 7, () -> {
            if (store.metrics().read(runId, "series0").size() != seriesPoints) {
                throw new IllegalStateException("series incomplete");
            }
        }), 2));
        Timer.Work downsample = () -> {
            if (store.metrics().downsample(runId, "series0", SeriesRange.all(), BUCKETS).totalPoints()
                    != seriesPoints) {
                throw new IllegalStateException("downsample lost points");
            }
        };
        out.put("downsampleMs", Timer.round(Timer.medianMillis(3, 7, downsample), 2));
        out.put("seriesReadCpuMs", Timer.round(Timer.medianCpuMillis(1, 7,
                () -> store.metrics().read(runId, "series0")), 2));
        out.put("downsampleCpuMs", Timer.round(Timer.medianCpuMillis(1, 7, downsample), 2));
    }

    private void logger(TrackingStore store, Map<String, Object> out) {
        progress.accept("logger: " + scale.loggerCalls + " run.metric(...) calls");
        long t0 = System.nanoTime();
        try (Cairn cairn = Cairn.on(store); ActiveRun run = cairn.experiment("bench").startRun("logger")) {
            for (int i = 0; i < scale.loggerCalls; i++) {
                run.metric(KEYS[i % KEYS.length], i * 0.001, i / KEYS.length);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.put("loggerCalls", scale.loggerCalls);
        out.put("loggerCallsPerSec", Timer.round(scale.loggerCalls / seconds, 0));
    }

    private static final String[] KEYS = {"loss", "acc", "lr", "grad_norm", "val/loss", "val/acc", "m6", "m7",
        "m8", "m9"};

    private void naiveFigures(NaiveMetricStore nv, Map<String, Object> naive) throws Exception {
        int seriesPoints = scale.seriesPoints;
        int points = Math.max(seriesPoints, scale.naiveIngestPoints);
        progress.accept("naive design: ingest " + points + " rows, read, downsample, single-row logging");
        String run = "0".repeat(32);
        nv.createRun(run, "ingest", System.currentTimeMillis());
        long t0 = System.nanoTime();
        insertNaiveSeries(nv, run, points, seriesPoints);
        double seconds = (System.nanoTime() - t0) / 1e9;
        naive.put("ingestPoints", points);
        naive.put("ingestPointsPerSec", Timer.round(points / seconds, 0));
        naive.put("bytesPerPoint", Timer.round((double) nv.metricBytes() / points, 2));
        long[] rs = new long[seriesPoints];
        long[] rt = new long[seriesPoints];
        double[] rv = new double[seriesPoints];
        naive.put("seriesReadMs", Timer.round(Timer.medianMillis(1, 3, () -> nv.read(run, "series0", rs, rt, rv)), 2));
        naive.put("downsampleMs", Timer.round(Timer.medianMillis(1, 3, () -> {
            int n = nv.read(run, "series0", rs, rt, rv);
            bucketInMemory(rs, rv, n, BUCKETS);
        }), 2));
        String loggerRun = "1".repeat(32);
        nv.createRun(loggerRun, "logger", System.currentTimeMillis());
        long l0 = System.nanoTime();
        for (int i = 0; i < scale.naiveLoggerCalls; i++) {
            nv.insertOne(loggerRun, KEYS[i % KEYS.length], i / KEYS.length, System.currentTimeMillis(), i * 0.001);
        }
        naive.put("loggerCalls", scale.naiveLoggerCalls);
        naive.put("loggerCallsPerSec", Timer.round(scale.naiveLoggerCalls / ((System.nanoTime() - l0) / 1e9), 0));
    }

    /**
     * Inserts {@code points} rows into the naive layout, {@value #BATCH} per transaction: the same points as
     * {@link #appendSeries}, the first {@code seriesPoints} as series0, the rest as series1.
     */
    static void insertNaiveSeries(NaiveMetricStore nv, String run, int points, int seriesPoints) throws Exception {
        int batch = Math.min(BATCH, seriesPoints);
        long[] steps = new long[batch];
        long[] ts = new long[batch];
        double[] values = new double[batch];
        SplittableRandom random = new SplittableRandom(42);
        for (int from = 0; from < points; from += batch) {
            fill(steps, ts, values, from, random);
            nv.insert(run, from < seriesPoints ? "series0" : "series1", steps, ts, values, 0, batch);
        }
    }

    private void query(TrackingStore store, NaiveMetricStore nv, Map<String, Object> out, Map<String, Object> naive)
            throws Exception {
        int runs = scale.queryRuns;
        progress.accept("query store: " + runs + " runs x 20 params x 10 metrics");
        int expected = Math.min(200, fillQueryStores(store, nv, runs));
        out.put("runsInStore", runs);
        RunQuery query = benchQuery();
        progress.accept("query: first 200 of " + FILTER + " ORDER BY " + ORDER);
        out.put("queryMs", Timer.round(Timer.medianMillis(2, 5, () -> {
            int found = store.search().search(query).runs().size();
            if (found != expected) {
                throw new IllegalStateException("query returned " + found + " runs, not " + expected);
            }
        }), 2));
        out.put("queryWithDetailsMs", Timer.round(Timer.medianMillis(2, 5, () -> {
            RunPage page = store.search().search(query);
            store.runs().details(page.runs().stream().map(Run::id).toList());
        }), 2));
        naive.put("runsInStore", runs);
        naive.put("queryMs", Timer.round(Timer.medianMillis(1, 3, () -> {
            int found = nv.query(0.5, "adam", 200).size();
            if (found != expected) {
                throw new IllegalStateException("naive query returned " + found + " runs, not " + expected);
            }
        }), 2));
    }

    /** The query figure's query: first page (200) of {@link #FILTER} ordered by {@link #ORDER}. */
    static RunQuery benchQuery() {
        return RunQuery.all().inExperiments(List.of("query-bench")).withFilter(FILTER)
                .orderedBy(List.of(ORDER)).withPageSize(200);
    }

    /**
     * Fills both stores with the query figure's {@code runs} runs (experiment query-bench): 20 params (optimizer, lr,
     * p2..p19) and 10 ten-point metrics (acc, loss, m2..m9) each, Cairn through its batch writer in transactions
     * of 1,000 runs, the naive layout with the same rows. Returns how many runs {@link #FILTER} matches.
     */
    static int fillQueryStores(TrackingStore store, NaiveMetricStore nv, int runs) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int[] matches = {0};
        List<Object[]> naiveRuns = new ArrayList<>();
        List<Object[]> naiveParams = new ArrayList<>();
        List<Object[]> naiveLatest = new ArrayList<>();
        long start = 1_700_000_000_000L;
        long[] steps = new long[10];
        long[] ts = new long[10];
        double[] values = new double[10];
        for (int from = 0; from < runs; from += 1000) {
            int upTo = Math.min(runs, from + 1000);
            int first = from;
            store.write(w -> {
                for (int i = first; i < upTo; i++) {
                    long startMs = start + i * 60_000L;
                    NewRun spec = NewRun.in("query-bench").withName("run-" + i).withTimes(startMs, startMs + 30_000)
                            .withStatus(dev.cairn.store.model.RunStatus.FINISHED);
                    RunRef run = w.createRun(spec);
                    String id = run.id();
                    Map<String, String> params = new HashMap<>();
                    params.put("optimizer", OPTIMIZERS[random.nextInt(OPTIMIZERS.length)]);
                    params.put("lr", String.valueOf(Math.pow(10, -5 + 4 * random.nextDouble())));
                    for (int p = 2; p < 20; p++) {
                        params.put("p" + p, p % 3 == 0 ? "v" + random.nextInt(5) : String.valueOf(random.nextInt(1000)));
                    }
                    w.logParams(run, params);
                    naiveRuns.add(new Object[] {id, "run-" + i, startMs});
                    params.forEach((k, v) -> naiveParams.add(new Object[] {id, k, v}));
                    boolean adam = params.get("optimizer").equals("adam");
                    for (int m = 0; m < 10; m++) {
                        String key = m == 0 ? "acc" : m == 1 ? "loss" : "m" + m;
                        double base = random.nextDouble();
                        for (int s = 0; s < 10; s++) {
                            steps[s] = s;
                            ts[s] = startMs + s * 1000L;
                            values[s] = m == 1 ? base * (10 - s) / 10 : base;
                        }
                        w.append(run, key, steps, ts, values);
                        naiveLatest.add(new Object[] {id, key, values[9]});
                        if (m == 0 && adam && base > 0.5) {
                            matches[0]++;
                        }
                    }
                }
            });
        }
        nv.insertRunRows(naiveRuns, naiveParams, naiveLatest);
        // both layouts query with fresh planner statistics, as after a server's autovacuum
        store.optimize();
        nv.analyze();
        return matches[0];
    }

    private static void fill(long[] steps, long[] ts, double[] values, int from, SplittableRandom random) {
        long base = 1_700_000_000_000L;
        for (int i = 0; i < steps.length; i++) {
            long step = from + i;
            steps[i] = step;
            ts[i] = base + step * 12 + random.nextInt(4);
            values[i] = 2.0 / Math.sqrt(step + 1) + random.nextDouble() * 0.01;
        }
    }

    private static void bucketInMemory(long[] steps, double[] values, int n, int buckets) {
        double[] last = new double[buckets];
        double[] min = new double[buckets];
        double[] max = new double[buckets];
        long from = steps[0];
        long span = steps[n - 1] - from + 1;
        for (int i = 0; i < n; i++) {
            int b = (int) (((steps[i] - from) * buckets) / span);
            last[b] = values[i];
            min[b] = Math.min(min[b], values[i]);
            max[b] = Math.max(max[b], values[i]);
        }
    }

    private static double ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return Double.NaN;
        }
        return Timer.round(a / b, 2);
    }
}
