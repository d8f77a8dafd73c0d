package dev.cairn.app.serve;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** The figures both server benchmarks print: a percentile of timings and the machine's load, to two decimals. */
final class BenchFigures {
    private BenchFigures() {
    }

    /** The {@code p} percentile (0..1, nearest rank) of {@code values}, rounded to two decimals. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double v = sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1) + 0.5))];
        return Math.round(v * 100) / 100.0;
    }

    /** The system load average of the last minute, rounded to two decimals. */
    static double load() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
