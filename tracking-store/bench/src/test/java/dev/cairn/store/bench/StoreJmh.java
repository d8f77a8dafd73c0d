package dev.cairn.store.bench;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JMH benchmarks of the two read figures of {@code cairn bench} — the whole-series read of a 1M-point series and the
 * first page (200) of the filtered, sorted run query — for the Cairn store and the naive MLflow layout, on SQLite and
 * (when a server is named) PostgreSQL. Run by hand, never by {@code mvn verify} (surefire only runs *Test classes):
 *
 * <pre>
 * mvn -q -o -pl tracking-store/bench -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/bench-cp.txt
 * CAIRN_BENCH_PG=postgresql://user:pw@host:5432/postgres \
 *   java -cp tracking-store/bench/target/test-classes:tracking-store/bench/target/classes:$(cat /tmp/bench-cp.txt) \
 *   dev.cairn.store.bench.StoreJmh [JMH options, e.g. -p queryRuns=100000 -f 1 -wi 3 -i 5]
 * </pre>
 *
 * Without {@code CAIRN_BENCH_PG} (or {@code CAIRN_TEST_PG}) only SQLite runs. On PostgreSQL the state makes its own
 * databases on that server and drops them after the trial (a role with CREATEDB), as {@code cairn bench --store} does.
 * The setup writes a 1M-point series and {@code queryRuns} runs into both layouts once per fork: about a minute
 * for 10,000 runs on PostgreSQL.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class StoreJmh {
    /** The environment variable naming a PostgreSQL server for the {@code postgresql} backend. */
    public static final String PG_ENV = "CAIRN_BENCH_PG";

    @Param({"sqlite", "postgresql"})
    public String backend;

    @Param({"10000"})
    public int queryRuns;

    private Path dir;
    private BenchDatabases databases;
    private TrackingStore store;
    private NaiveMetricStore naive;
    private String seriesRun;
    private final RunQuery query = StoreBenchmark.benchQuery();
    private final long[] steps = new long[StoreBenchmark.SERIES_POINTS];
    private final long[] timestamps = new long[StoreBenchmark.SERIES_POINTS];
    private final double[] values = new double[StoreBenchmark.SERIES_POINTS];
    private int expectedPage;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (backend.equals("postgresql")) {
            databases = BenchDatabases.postgres(pgServer(), line -> System.out.println("# " + line));
        } else {
            dir = Files.createTempDirectory("cairn-jmh-");
            databases = BenchDatabases.sqlite(dir);
        }
        store = databases.openCairn();
        naive = databases.openNaive();
        seriesRun = store.runs().create(NewRun.in("bench").withName("series")).id();
        StoreBenchmark.appendSeries(store, seriesRun, "series0", StoreBenchmark.SERIES_POINTS);
        naive.createRun(seriesRun, "series", System.currentTimeMillis());
        StoreBenchmark.insertNaiveSeries(naive, seriesRun, StoreBenchmark.SERIES_POINTS, StoreBenchmark.SERIES_POINTS);
        naive.metricBytes(); // SQLite: the checkpoint moves the rows out of the WAL, as in cairn bench
        expectedPage = Math.min(200, StoreBenchmark.fillQueryStores(store, naive, queryRuns));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            naive.close();
            store.close();
        } finally {
            databases.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Cairn: the whole 1M-point series, decoded into arrays. */
    @Benchmark
    public MetricSeries seriesReadCairn() {
        MetricSeries series = store.metrics().read(seriesRun, "series0");
        if (series.size() != StoreBenchmark.SERIES_POINTS) {
            throw new IllegalStateException("series incomplete: " + series.size());
        }
        return series;
    }

    /** Naive layout: the same series, one row per point, into arrays. */
    @Benchmark
    public double seriesReadNaive() throws Exception {
        int n = naive.read(seriesRun, "series0", steps, timestamps, values);
        if (n != StoreBenchmark.SERIES_POINTS) {
            throw new IllegalStateException("series incomplete: " + n);
        }
        return values[n - 1];
    }

    /** Cairn: first 200 of the filtered query ordered by a metric's minimum. */
    @Benchmark
    public RunPage queryCairn() {
        RunPage page = store.search().search(query);
        if (page.runs().size() != expectedPage) {
            throw new IllegalStateException("query returned " + page.runs().size() + " runs");
        }
        return page;
    }

    /** Naive layout: the same query as MLflow phrases it (sub-selects on latest_metrics and params). */
    @Benchmark
    public List<String> queryNaive() throws Exception {
        List<String> ids = naive.query(0.5, "adam", 200);
        if (ids.size() != expectedPage) {
            throw new IllegalStateException("naive query returned " + ids.size() + " runs");
        }
        return ids;
    }

    private static dev.cairn.store.StoreLocation.Postgres pgServer() {
        String uri = pgUri();
        if (uri == null) {
            throw new IllegalStateException("backend=postgresql needs " + PG_ENV + "=postgresql://user:pw@host:port/db");
        }
        return (dev.cairn.store.StoreLocation.Postgres) dev.cairn.store.StoreLocation.parse(uri);
    }

    private static String pgUri() {
        for (String name : List.of(PG_ENV, "CAIRN_TEST_PG")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Runs the benchmarks of this class; JMH command-line options (-p, -f, -wi, -i, ...) are passed through. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli).include(StoreJmh.class.getName() + "\\.");
        if (pgUri() == null && !cli.getParameter("backend").hasValue()) {
            System.out.println("# " + PG_ENV + " is not set: SQLite only");
            options.param("backend", "sqlite");
        }
        new Runner(options.build()).run();
    }
}
