package dev.cairn.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code cairn bench [--scale small|large] --json}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the store benchmark on a temporary store.")
public final class BenchCommand implements Callable<Integer> {
    /** Benchmark size. */
    public enum Scale { small, large }

    @Option(names = "--scale", defaultValue = "small", description = "small (under a minute) or large (full figures).")
    Scale scale;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("bench is not implemented yet");
    }
}
