package dev.cairn.app.faults;

import dev.cairn.app.Main;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: {@code cairn import} in a real process killed with SIGKILL at a random moment, then: integrity
 * ok, every run that is stored is whole (its metrics have as many points as in a clean import: stored whole or not
 * at all), and importing again completes with every run. {@code -Dcairn.killTrials=N} (default 2 in the suite; 50+
 * as a bench) sets the trials; the figures are printed at the end.
 */
class KillDuringImportTest {
    @TempDir
    Path tmp;

    private static Map<String, Map<String, Long>> counts(TrackingStore store) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        List<String> ids = store.runsChangedSince(0);
        for (RunDetails d : store.runs().details(ids).values()) {
            Map<String, Long> m = new HashMap<>();
            for (Map.Entry<String, MetricSummary> e : d.metrics().entrySet()) {
                m.put(e.getKey(), e.getValue().count());
            }
            m.put("#params", (long) d.params().size());
            out.put(d.run().id(), m);
        }
        return out;
    }

    private static int cairn(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void killedAtRandomMomentsLeavesWholeRunsAndReimportCompletes() throws Exception {
        int trials = Integer.getInteger("cairn.killTrials", 2);
        long seed = Long.getLong("cairn.killSeed", System.nanoTime());
        Random random = new Random(seed);
        Path source = Fixtures.get("mlruns/GregoireJan__breastcancer");
        Path reference = tmp.resolve("reference.db");
        assertThat(cairn("import", "--store", reference.toString(), source.toString())).isZero();
        Map<String, Map<String, Long>> whole;
        try (TrackingStore s = TrackingStore.open(reference)) {
            whole = counts(s);
        }
        int integrityFailures = 0;
        int partialRuns = 0;
        int storedBeforeKill = 0;
        List<String> problems = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Path store = tmp.resolve("t" + trial + ".db");
            TrackingStore.open(store).close();
            Process p = importProcess(store, source);
            // kill once a random number of runs is stored (0 = as soon as the first write may start), plus jitter
            int killAfterRuns = random.nextInt(whole.size());
            while (p.isAlive() && storedRuns(store) < killAfterRuns) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(15));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (TrackingStore s = TrackingStore.open(store)) {
                if (!"ok".equals(s.integrityCheck())) {
                    integrityFailures++;
                    problems.add("trial " + trial + ": integrity " + s.integrityCheck());
                }
                Map<String, Map<String, Long>> got = counts(s);
                storedBeforeKill += got.size();
                for (Map.Entry<String, Map<String, Long>> e : got.entrySet()) {
                    if (!e.getValue().equals(whole.get(e.getKey()))) {
                        partialRuns++;
                        problems.add("trial " + trial + ": run " + e.getKey() + " is partial: " + e.getValue());
                    }
                }
            }
            assertThat(cairn("import", "--store", store.toString(), source.toString())).as("re-import").isZero();
            try (TrackingStore s = TrackingStore.open(store)) {
                assertThat(counts(s)).as("trial %d after re-import", trial).isEqualTo(whole);
            }
        }
        System.out.printf("kill -9 during import: %d trials (seed %d), %d runs stored before the kill, "
                + "%d integrity failures, %d partial runs%n", trials, seed, storedBeforeKill, integrityFailures,
                partialRuns);
        assertThat(problems).isEmpty();
    }

    private static int storedRuns(Path store) {
        try (TrackingStore s = TrackingStore.open(store, dev.cairn.store.StoreOptions.readOnly())) {
            return s.runsChangedSince(0).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Process importProcess(Path store, Path source) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", "--store", store.toString(), source.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
