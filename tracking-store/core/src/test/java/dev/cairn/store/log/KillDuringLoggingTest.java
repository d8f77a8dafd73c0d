package dev.cairn.store.log;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.query.RunQuery;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: a real logging process killed with SIGKILL at a random point (after a random number of flushes,
 * or mid-flush), then the store is opened: integrity ok, every point the process reported flushed is there, the run
 * is FAILED with the reason, and logging again runs to completion. {@code -Dcairn.killTrials=N} (default 3 in the
 * suite; 50+ as a bench) sets the trials; the figures are printed at the end.
 */
class KillDuringLoggingTest {
    @TempDir
    Path tmp;

    @Test
    void killedAtRandomPointsLosesNoFlushedPoint() throws Exception {
        int trials = Integer.getInteger("cairn.killTrials", 3);
        long seed = Long.getLong("cairn.killSeed", System.nanoTime());
        Random random = new Random(seed);
        Path store = tmp.resolve("kill.db");
        int integrityFailures = 0;
        long pointsLost = 0;
        List<String> problems = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Process p = javaProcess(store.toString(), "doomed-" + trial, 10_000_000, true);
            long lastFlushed = -1;
            int flushesBeforeKill = random.nextInt(12);
            long killDelayMs = random.nextInt(40);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int flushes = 0;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("flushed ")) {
                        lastFlushed = Long.parseLong(line.substring(8));
                        if (++flushes > flushesBeforeKill) {
                            break;
                        }
                    }
                }
                Thread.sleep(killDelayMs); // kill at a random point of the next flush or between flushes
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            try (TrackingStore s = TrackingStore.open(store)) {
                if (!"ok".equals(s.integrityCheck())) {
                    integrityFailures++;
                    problems.add("trial " + trial + ": integrity " + s.integrityCheck());
                }
                String name = "doomed-" + trial;
                Run run = s.search().searchAll(RunQuery.all()).stream().filter(r -> r.name().equals(name))
                        .findFirst().orElseThrow();
                for (String key : List.of("a", "b", "c", "d")) {
                    MetricSeries series = s.metrics().read(run.id(), key);
                    long expected = lastFlushed + 1;
                    if (series.size() < expected) {
                        pointsLost += expected - series.size();
                        problems.add("trial " + trial + ": " + key + " has " + series.size() + " of " + expected);
                    }
                }
                if (run.status() != RunStatus.FAILED) {
                    problems.add("trial " + trial + ": run is " + run.status());
                }
            }
        }
        // logging again into the same store runs to completion
        Process again = javaProcess(store.toString(), "after", 2_000, false);
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(new String(again.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        try (TrackingStore s = TrackingStore.open(store)) {
            Run after = s.search().searchAll(RunQuery.all()).stream().filter(r -> r.name().equals("after"))
                    .findFirst().orElseThrow();
            assertThat(after.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.metrics().read(after.id(), "a").size()).isEqualTo(2_000);
            assertThat(s.integrityCheck()).isEqualTo("ok");
        }
        System.out.printf("kill -9 during logging: %d trials (seed %d), %d integrity failures, %d points lost%n",
                trials, seed, integrityFailures, pointsLost);
        assertThat(problems).isEmpty();
    }

    private static Process javaProcess(String store, String name, int points, boolean reportFlushes) throws Exception {
        return reportFlushes ? ChildJvm.start("256m", LoggerProcessMain.class, store, name, String.valueOf(points),
                "report-flushes") : ChildJvm.start("256m", LoggerProcessMain.class, store, name, String.valueOf(points));
    }
}
