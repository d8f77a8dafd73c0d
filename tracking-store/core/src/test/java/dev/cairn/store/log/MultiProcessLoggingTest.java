package dev.cairn.store.log;

import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real OS processes logging to one store file at once, and one killed mid-run. */
@ParameterizedClass
@EnumSource(Backend.class)
class MultiProcessLoggingTest extends StoreContract {
    private static final int PROCESSES = 8;
    private static final int POINTS = 20_000;

    @Test
    void eightProcessesLoggingToOneStoreLoseNothing() throws Exception {
        String store = stores.argument("shared.db");
        TrackingStore.open(StoreLocation.parse(store), StoreOptions.local()).close();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(javaProcess(store, "job-" + i, POINTS, false));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("process finished").isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }
        try (TrackingStore s = TrackingStore.open(StoreLocation.parse(store), StoreOptions.local())) {
            List<Run> runs = s.search().searchAll(RunQuery.all());
            assertThat(runs).hasSize(PROCESSES);
            for (Run run : runs) {
                assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
                for (String key : List.of("a", "b", "c", "d")) {
                    MetricSeries series = s.metrics().read(run.id(), key);
                    assertThat(series.size()).as(run.name() + "/" + key).isEqualTo(POINTS);
                    for (int step = 0; step < POINTS; step++) {
                        assertThat(series.steps()[step]).isEqualTo(step);
                        if (step != 7) {
                            assertThat(series.values()[step]).isEqualTo(step * 0.5);
                        }
                    }
                    assertThat(series.values()[7]).isNaN();
                    assertThat(s.metrics().summaries(run.id()).get(key).count()).isEqualTo(POINTS);
                }
            }
            assertThat(s.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aKilledProcessLeavesAHealthyStoreWithEveryFlushedPointAndItsRunFailed() throws Exception {
        String store = stores.argument("crash.db");
        TrackingStore.open(StoreLocation.parse(store), StoreOptions.local()).close();
        Process p = javaProcess(store, "doomed", 10_000_000, true);
        long lastFlushed = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("flushed ")) {
                    lastFlushed = Long.parseLong(line.substring(8));
                    if (lastFlushed >= 20_000) {
                        break;
                    }
                }
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastFlushed).isGreaterThanOrEqualTo(20_000);
        try (TrackingStore s = TrackingStore.open(StoreLocation.parse(store), StoreOptions.local())) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            Run run = s.search().searchAll(RunQuery.all()).get(0);
            // the writer is gone: opening the store for writing marked its run FAILED and said why
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(s.runs().tags(run.id()).get("cairn.endReason")).contains("pid " + p.pid())
                    .contains("ended without closing the run");
            for (String key : List.of("a", "b", "c", "d")) {
                MetricSeries series = s.metrics().read(run.id(), key);
                assertThat(series.size()).isGreaterThan((int) lastFlushed);
                for (int step = 0; step <= lastFlushed; step++) {
                    assertThat(series.steps()[step]).isEqualTo(step);
                }
            }
        }
    }

    private static Process javaProcess(String store, String name, int points, boolean reportFlushes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LoggerProcessMain.class.getName(), store.toString(), name, String.valueOf(points)));
        if (reportFlushes) {
            cmd.add("report-flushes");
        }
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }
}
