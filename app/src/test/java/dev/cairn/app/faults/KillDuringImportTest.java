package dev.cairn.app.faults;

import dev.cairn.app.Main;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.app.importing.ImportListener;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.testing.ChildJvm;
import dev.cairn.store.testing.KillTrials;
import dev.cairn.store.testing.RunCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection: an import of a real MLflow file store (21 runs), as {@code cairn import} runs it, in a process
 * killed with SIGKILL at a random point of the import ({@link ImportProcessMain}: at a random run's progress report
 * and up to 20 ms later, or log-uniform within 1.5 times the import's time), then: the store opens,
 * integrity ok, every run stored is whole (its metrics have as many points as lines in the source's metric files,
 * all its params) or absent, and importing again completes with every run present exactly once.
 * {@code -Dcairn.killTrials=N} (default 4 in the suite; 50+ as a bench) sets the trials; the figures are printed at
 * the end.
 */
class KillDuringImportTest {
    private static final String FIXTURE = "mlruns/GregoireJan__breastcancer";
    @TempDir
    Path tmp;

    @Test
    void killedAtRandomPointsLeavesEveryRunWholeOrAbsentAndReimportCompletes() throws Exception {
        Path source = Fixtures.get(FIXTURE);
        Map<String, Map<String, Long>> whole = sourceCounts(source);
        assertThat(whole).hasSizeGreaterThan(10);
        Path reference = tmp.resolve("reference.db");
        int[] progressReports = {0};
        assertThat(ImportProcessMain.importInto(reference, source, new ImportListener() {
            @Override
            public void progress(double fraction, String message) {
                progressReports[0]++;
            }
        }).hasFailures()).isFalse();
        try (TrackingStore s = TrackingStore.open(reference)) {
            assertThat(RunCounts.of(s)).as("a clean import has every point of the source").isEqualTo(whole);
        }
        long operationNs = KillTrials.timed(ChildJvm.start("512m", ImportProcessMain.class,
                tmp.resolve("measured.db").toString(), source.toString(), "-1"));

        KillTrials trials = new KillTrials("import", 4, operationNs);
        int betweenRuns = 0;
        long runsStoredBeforeKill = 0;
        for (int trial = 0; trial < trials.count; trial++) {
            Path store = tmp.resolve("t" + trial + ".db");
            TrackingStore.open(store).close();
            // every other kill at a random progress report of the importer (one a run) and up to 20 ms after it,
            // between or inside the runs' writes; the others log-uniform from the start (as many in its first
            // microseconds, opening the store and reading, as in its end)
            boolean atRun = trial % 2 == 0;
            if (trials.run(ChildJvm.start("512m", ImportProcessMain.class, store.toString(), source.toString(),
                    String.valueOf(atRun ? trials.nextKillNs(20_000_000) : trials.nextKillNs()),
                    String.valueOf(atRun ? 1 + trials.nextInt(progressReports[0]) : 0)))) {
                trials.finishedBeforeKill();
            }
            try (TrackingStore s = TrackingStore.open(store)) {
                trials.integrity(trial, s);
                Map<String, Map<String, Long>> got = RunCounts.of(s);
                runsStoredBeforeKill += got.size();
                if (!got.isEmpty() && got.size() < whole.size()) {
                    betweenRuns++;
                }
                for (Map.Entry<String, Map<String, Long>> run : got.entrySet()) {
                    Map<String, Long> expected = whole.get(run.getKey());
                    if (!run.getValue().equals(expected)) {
                        trials.problem(trial, "run " + run.getKey() + " is partial: " + run.getValue() + ", the "
                                + "source has " + expected);
                        trials.lost(missing(expected, run.getValue()));
                    }
                }
            }
            assertThat(cairn("import", "--store", store.toString(), source.toString())).as("re-import").isZero();
            try (TrackingStore s = TrackingStore.open(store)) {
                trials.integrity(trial, s);
                List<String> ids = s.runsChangedSince(0);
                if (ids.size() != new HashSet<>(ids).size()) {
                    trials.problem(trial, "a run is stored twice after the re-import: " + ids);
                }
                Map<String, Map<String, Long>> after = RunCounts.of(s);
                if (!after.equals(whole)) {
                    trials.problem(trial, "after the re-import " + after.size() + " runs, not the source's "
                            + whole.size() + " whole");
                    whole.forEach((id, expected) -> trials.lost(missing(expected, after.getOrDefault(id, Map.of()))));
                }
            }
        }
        System.out.printf("kill -9 during import: %d runs stored before the kills in all, %d trials killed between "
                + "the first and the last run%n", runsStoredBeforeKill, betweenRuns);
        trials.report();
    }

    /** Per run id: each metric's point count (lines of its file in the source) and {@code #params}. */
    private static Map<String, Map<String, Long>> sourceCounts(Path source) throws IOException {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        try (Stream<Path> metas = Files.walk(source)) {
            // a run's meta.yaml is in a folder of its experiment's, beside the experiment's meta.yaml
            for (Path meta : metas.filter(p -> p.getFileName().toString().equals("meta.yaml")
                    && Files.isRegularFile(p.getParent().resolveSibling("meta.yaml"))).toList()) {
                Path run = meta.getParent();
                Map<String, Long> m = new HashMap<>();
                Path metrics = run.resolve("metrics");
                for (Path f : files(metrics)) {
                    try (Stream<String> lines = Files.lines(f)) {
                        m.put(metrics.relativize(f).toString(), lines.filter(l -> !l.isBlank()).count());
                    }
                }
                m.put("#params", (long) files(run.resolve("params")).size());
                out.put(run.getFileName().toString(), m);
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** Points (and params) of {@code expected} that {@code got} does not have. */
    private static long missing(Map<String, Long> expected, Map<String, Long> got) {
        return expected.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - got.getOrDefault(e.getKey(),
                0L))).sum();
    }

    private static int cairn(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
