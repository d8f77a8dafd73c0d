package dev.cairn.app.faults;

import dev.cairn.app.cli.CliRunner;
import dev.cairn.app.importing.Fixtures;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.log.ActiveRun;
import dev.cairn.store.log.Cairn;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreFullException;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.testing.RunCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection: the disk holding the store fills up (a small tmpfs, nearly full) during an import and during a
 * logging run. A clear one-line error names the store and says the disk is full; every run is whole or absent; the
 * store opens afterwards with integrity ok; once space is freed, running again completes with nothing lost.
 */
class DiskFullTest {
    /** Free space left on the disk before the import or the flush: far less than either needs. */
    private static final long NEARLY_FULL = 64 * 1024;

    @TempDir
    Path tmp;

    @Test
    void anImportIntoAFullDiskFailsClearlyLeavesWholeRunsAndCompletesOnceThereIsRoom() throws Exception {
        Path source = Fixtures.get("mlruns/GregoireJan__breastcancer");
        Path reference = tmp.resolve("reference.db");
        assertThat(CliRunner.run("import", "--store", reference.toString(), source.toString()).code()).isZero();
        Map<String, Map<String, Long>> whole;
        try (TrackingStore s = TrackingStore.open(reference)) {
            whole = RunCounts.of(s);
        }

        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "8m")) {
            Path store = disk.path().resolve("s.db");
            TrackingStore.open(store).close();
            disk.fillLeaving(NEARLY_FULL);

            CliRunner.Result full = CliRunner.run("import", "--store", store.toString(), source.toString());

            assertThat(full.code()).as(full.err()).isEqualTo(1);
            assertThat(full.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception")
                    .contains(store.toString()).contains("disk is full");
            // stopped at the first run the disk refused: one line saying why, one counting the runs not attempted
            assertThat(full.err().lines().filter(l -> l.startsWith("failed: ")).toList()).hasSizeLessThanOrEqualTo(2)
                    .first().satisfies(l -> assertThat(l).contains(store.toString()).contains("its disk is full"));
            try (TrackingStore s = TrackingStore.open(store)) {
                assertThat(s.integrityCheck()).isEqualTo("ok");
                Map<String, Map<String, Long>> got = RunCounts.of(s);
                assertThat(got.size()).as("runs stored on the full disk").isLessThan(whole.size());
                got.forEach((id, run) -> assertThat(run).as("run %s is whole", id).isEqualTo(whole.get(id)));
            }

            disk.freeSpace();
            CliRunner.Result again = CliRunner.run("import", "--store", store.toString(), source.toString());
            assertThat(again.code()).as(again.err()).isZero();
            try (TrackingStore s = TrackingStore.open(store)) {
                assertThat(s.integrityCheck()).isEqualTo("ok");
                assertThat(RunCounts.of(s)).isEqualTo(whole);
            }
        }
    }

    @Test
    void aLoggingRunOnAFullDiskKeepsItsPointsAndWritesThemOnceThereIsRoom() throws Exception {
        int points = 100_000;
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "8m")) {
            Path store = disk.path().resolve("s.db");
            String runId;
            try (TrackingStore s = TrackingStore.open(store);
                 Cairn cairn = Cairn.on(s, Duration.ofHours(1))) {
                ActiveRun run = cairn.experiment("full").startRun("disk");
                runId = run.id();
                cairn.flush();
                disk.fillLeaving(NEARLY_FULL);
                java.util.Random random = new java.util.Random(7);
                for (int step = 0; step < points; step++) {
                    run.metric("loss", random.nextDouble(), step);
                }

                assertThatThrownBy(cairn::flush).isInstanceOf(StoreException.class)
                        .isInstanceOf(StoreFullException.class)
                        .hasMessageContaining(store.toString()).hasMessageContaining("its disk is full")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
                assertThat(cairn.bufferedPoints()).as("points kept for the next flush").isEqualTo(points);
                try (TrackingStore other = TrackingStore.open(store, StoreOptions.readOnly())) {
                    assertThat(other.integrityCheck()).isEqualTo("ok");
                    assertThat(other.runs().details(List.of(runId)).get(runId).metrics()).isEmpty();
                }

                disk.freeSpace();
                run.close();
                assertThat(cairn.bufferedPoints()).isZero();
            }
            try (TrackingStore s = TrackingStore.open(store)) {
                assertThat(s.integrityCheck()).isEqualTo("ok");
                RunDetails d = s.runs().details(List.of(runId)).get(runId);
                assertThat(d.run().status()).hasToString("FINISHED");
                assertThat(s.metrics().read(runId, "loss").size()).isEqualTo(points);
                long[] steps = s.metrics().read(runId, "loss").steps();
                for (int i = 0; i < points; i++) {
                    assertThat(steps[i]).isEqualTo(i);
                }
            }
        }
    }
}
