package dev.cairn.app.importing;

import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed target: an MLflow file store of 1,000 runs x 10 metrics x 1,000 steps, generated in the format
 * MLflow writes, imports in at most 20 s. Run with {@code -Dcairn.bench=true} (sizes: {@code -Dcairn.bench.runs}).
 * The store sits in a project folder dropped whole, with every built-in importer loaded, so the time includes the
 * project walk and every importer's claims.
 */
@EnabledIfSystemProperty(named = "cairn.bench", matches = "true")
class MlflowImportBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void thousandRunsOfTenMetricsOfThousandSteps() throws IOException {
        int runs = Integer.getInteger("cairn.bench.runs", 1000);
        Path project = tmp.resolve("project");
        generate(project.resolve("mlruns"), runs, 10, 1000);
        Path mlruns = project;
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            ImportService service = new ImportService(store,
                    dev.cairn.app.plugins.PluginLoader.loadDefault().importers());
            System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
            long w0 = System.nanoTime();
            int found = ProjectScan.scan(project, service.importers()).sources().size();
            System.out.printf(Locale.ROOT, "project walk alone: %d source(s) in %d ms%n", found,
                    (System.nanoTime() - w0) / 1_000_000);
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            ImportSummary s = service.importPaths(List.of(mlruns), ImportOptions.defaults(), ImportListener.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "imported %d runs x 10 x 1000 in %.1f s wall, %.1f s CPU%n",
                    s.added().size(), seconds, (cpuNanos() - cpu0) / 1e9);
            assertThat(s.added()).hasSize(runs);
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            ImportSummary again = service.importPaths(List.of(mlruns), ImportOptions.defaults(),
                    ImportListener.NONE);
            System.out.printf(Locale.ROOT, "re-import (all unchanged) in %.1f s wall, %.1f s CPU%n",
                    (System.nanoTime() - t1) / 1e9, (cpuNanos() - cpu1) / 1e9);
            assertThat(again.unchanged()).hasSize(runs);
            assertThat(s.sources()).singleElement().satisfies(src -> assertThat(src.runs()).isEqualTo(runs));
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            assertThat(seconds).isLessThanOrEqualTo(20.0 * runs / 1000);
        }
    }

    /** The machine's 1, 5 and 15 minute load averages (Linux), to judge a figure taken on a shared machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** CPU time of the whole process (all threads, GC included). */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static Path generate(Path root, int runs, int metrics, int steps) throws IOException {
        Path exp = Files.createDirectories(root.resolve("1"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file://" + exp + "\ncreation_time: 1\n"
                + "experiment_id: '1'\nlast_update_time: 1\nlifecycle_stage: active\nname: bench\n");
        for (int r = 0; r < runs; r++) {
            String id = String.format(Locale.ROOT, "%032x", r + 1);
            Path run = Files.createDirectories(exp.resolve(id));
            Files.writeString(run.resolve("meta.yaml"), "artifact_uri: file://" + run + "/artifacts\nend_time: 2\n"
                    + "entry_point_name: ''\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: " + id + "\n"
                    + "run_name: run-" + r + "\nrun_uuid: " + id + "\nsource_name: ''\nsource_type: 4\n"
                    + "source_version: ''\nstart_time: 1\nstatus: 3\ntags: []\nuser_id: bench\n");
            Files.createDirectories(run.resolve("params"));
            Files.writeString(run.resolve("params/lr"), "0." + r);
            Path m = Files.createDirectories(run.resolve("metrics"));
            for (int k = 0; k < metrics; k++) {
                try (BufferedWriter w = Files.newBufferedWriter(m.resolve("metric_" + k), StandardCharsets.UTF_8)) {
                    long ts = 1_700_000_000_000L;
                    for (int s = 0; s < steps; s++) {
                        w.write(Long.toString(ts + s * 37L));
                        w.write(' ');
                        w.write(Double.toString(1.0 / (s + 1 + k + r * 0.001)));
                        w.write(' ');
                        w.write(Integer.toString(s));
                        w.write('\n');
                    }
                }
            }
        }
        return root;
    }
}
