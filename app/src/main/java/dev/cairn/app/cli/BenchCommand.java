package dev.cairn.app.cli;

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

/** {@code cairn bench [--scale small|large] [--json]}: the store benchmark on a temporary store. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the store benchmark on a temporary store (the naive one-row-per-point design is timed "
            + "in the same run, with ratios).", "small finishes in under a minute; large gives the full figures."})
public final class BenchCommand implements Callable<Integer> {
    /** Benchmark size. */
    public enum Scale { small, large }

    @Option(names = "--scale", defaultValue = "small", description = "small or large (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the temporary stores (default: temp dir).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir).resolve("cairn-bench-" + System.nanoTime())
                : Files.createTempDirectory("cairn-bench-");
        Files.createDirectories(work);
        try {
            BenchScale benchScale = scale == Scale.large ? BenchScale.LARGE : BenchScale.SMALL;
            Map<String, Object> result = new StoreBenchmark(benchScale, work,
                    line -> spec.commandLine().getErr().println("bench: " + line)).run();
            if (json) {
                spec.commandLine().getOut().println(Json.write(result));
            } else {
                print(result, "");
            }
            return 0;
        } finally {
            deleteTree(work);
        }
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
