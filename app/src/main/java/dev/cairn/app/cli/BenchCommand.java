package dev.cairn.app.cli;

import dev.cairn.app.monitoring.MonitoringBenchmark;
import dev.cairn.app.serve.SearchBenchmark;
import dev.cairn.app.serve.ServerBenchmark;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.bench.BenchDatabases;
import dev.cairn.store.bench.BenchScale;
import dev.cairn.store.bench.StoreBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code cairn bench [--scale tiny|small|large] [--json] [--dir DIR | --store postgresql://...]}: the store benchmark
 * on temporary SQLite files, or on fresh databases that it creates (and drops) on a PostgreSQL server.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the store benchmark on temporary stores: the naive one-row-per-point design (MLflow's "
            + "layout) is timed in the same run on the same engine, with ratios.",
            "small finishes in about a minute on SQLite; large gives the full figures; tiny only checks that "
                + "everything runs."})
public final class BenchCommand implements Callable<Integer> {
    /** Benchmark size. */
    public enum Scale { tiny, small, large }

    /** What is measured: the store, the tracking server over loopback HTTP, or monitoring. */
    public enum Mode { store, server, monitoring, search }

    @Option(names = "--mode", defaultValue = "store",
            description = {"store: the store and the naive layout (default); server: cairn serve over loopback HTTP;",
                "monitoring: a labelled batch of rows x 50 columns with 10 slices scored and stored (tiny 2,000 rows, "
                + "small 100,000, large 1,000,000) and rules evaluated per batch over daily batches (10, 100, 365);",
                "search: the first page of runs/search (1,000 runs, MLflow's client default) over loopback HTTP on a "
                + "store of 100,000 runs (tiny: 2,000) with 20 params, 10 metrics and 4 tags each, built once and "
                + "kept in --dir (default: the temp dir)."})
    Mode mode;

    @Option(names = "--scale", defaultValue = "small",
            description = "tiny, small or large (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the temporary SQLite stores (default: temp dir).")
    Path dir;

    @Option(names = "--store", paramLabel = "URI",
            description = {"Run on a PostgreSQL server, postgresql://user[:password]@host:port/db: the benchmark "
                + "creates two fresh databases there (<db>_cairn_bench_<n> and <db>_naive_bench_<n>; the role needs "
                + "CREATEDB) and drops them at the end. The password may also come from PGPASSWORD.",
                "Without it: temporary SQLite files."})
    String store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchScale benchScale = switch (scale) {
            case tiny -> BenchScale.TINY;
            case small -> BenchScale.SMALL;
            case large -> BenchScale.LARGE;
        };
        if (mode == Mode.monitoring) {
            return monitoring();
        }
        if (mode == Mode.server) {
            return serverMode();
        }
        if (mode == Mode.search) {
            return searchMode();
        }
        if (store != null) {
            return onPostgres(benchScale, server());
        }
        Path work = dir != null ? Files.createDirectories(dir).resolve("cairn-bench-" + System.nanoTime())
                : Files.createTempDirectory("cairn-bench-");
        Files.createDirectories(work);
        try (BenchDatabases databases = BenchDatabases.sqlite(work)) {
            return report(new StoreBenchmark(benchScale, databases, this::progress).run());
        } finally {
            deleteTree(work);
        }
    }

    private int monitoring() throws Exception {
        if (store != null) {
            throw new CliErrors.UsageException("--mode monitoring runs on a temporary SQLite store; --store is for "
                    + "--mode store.");
        }
        int rows = switch (scale) {
            case tiny -> 2_000;
            case small -> 100_000;
            case large -> 1_000_000;
        };
        int batches = switch (scale) {
            case tiny -> 10;
            case small -> 100;
            case large -> 365;
        };
        Path work = dir != null ? Files.createDirectories(dir).resolve("cairn-monitor-bench-" + System.nanoTime())
                : Files.createTempDirectory("cairn-monitor-bench-");
        Files.createDirectories(work);
        try {
            return report(new MonitoringBenchmark(rows, batches, this::progress).run(work));
        } finally {
            deleteTree(work);
        }
    }

    private int serverMode() throws Exception {
        if (store != null) {
            throw new CliErrors.UsageException("--mode server runs on a temporary SQLite store; --store is for "
                    + "--mode store.");
        }
        ServerBenchmark.Size size = switch (scale) {
            case tiny -> ServerBenchmark.TINY;
            case small -> ServerBenchmark.SMALL;
            case large -> ServerBenchmark.LARGE;
        };
        Path work = dir != null ? Files.createDirectories(dir).resolve("cairn-bench-" + System.nanoTime())
                : Files.createTempDirectory("cairn-bench-");
        Files.createDirectories(work);
        try {
            return report(new ServerBenchmark(size, work, this::progress).run());
        } finally {
            deleteTree(work);
        }
    }

    private int searchMode() throws Exception {
        if (store != null) {
            throw new CliErrors.UsageException("--mode search runs on a SQLite store kept in --dir; --store is for "
                    + "--mode store.");
        }
        int runs = scale == Scale.tiny ? 2_000 : 100_000;
        int repeats = switch (scale) {
            case tiny -> 5;
            case small -> 21;
            case large -> 51;
        };
        Path keep = Files.createDirectories(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")));
        return report(new SearchBenchmark(runs, repeats, keep, this::progress).run());
    }

    private StoreLocation.Postgres server() {
        if (dir != null) {
            throw new CliErrors.UsageException("--dir is for the SQLite stores; with --store the benchmark makes its "
                    + "databases on the server.");
        }
        if (StoreLocation.parse(store) instanceof StoreLocation.Postgres server) {
            return server;
        }
        throw new CliErrors.UsageException("--store takes a PostgreSQL server (postgresql://user@host:5432/db); "
                + "without --store the benchmark runs on temporary SQLite files (see --dir).");
    }

    private int onPostgres(BenchScale benchScale, StoreLocation.Postgres server) throws Exception {
        try (BenchDatabases databases = BenchDatabases.postgres(server, this::progress)) {
            return report(new StoreBenchmark(benchScale, databases, this::progress).run());
        }
    }

    private void progress(String line) {
        spec.commandLine().getErr().println("bench: " + line);
        spec.commandLine().getErr().flush();
    }

    private int report(Map<String, Object> result) {
        if (json) {
            spec.commandLine().getOut().println(Json.write(result));
        } else {
            print(result, "");
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> result, String prefix) {
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                print((Map<String, Object>) m, prefix + e.getKey() + ".");
            } else {
                spec.commandLine().getOut().printf("%-32s %s%n", prefix + e.getKey(), e.getValue());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
