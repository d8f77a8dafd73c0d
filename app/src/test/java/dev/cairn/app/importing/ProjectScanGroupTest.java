package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportClaim;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sibling sources share a parent run: those differing in one path component (the last, else the one before). */
class ProjectScanGroupTest {
    private static final Path ROOT = Path.of("/p");

    private static ProjectScan.Source run(String rel) {
        return new ProjectScan.Source(ROOT.resolve(rel), null, ImportClaim.run(0.9), null);
    }

    private static ProjectScan.Source store(String rel) {
        return new ProjectScan.Source(ROOT.resolve(rel), null, ImportClaim.store(0.95), null);
    }

    @Test
    void seedsFoldsAndLonersGroupedByTheFolderHoldingThem() {
        List<ProjectScan.Source> grouped = ProjectScan.group(ROOT, List.of(
                run("outputs/seed_0"), run("outputs/seed_1"),
                run("reports/fold_0/dvclive"), run("reports/fold_1/dvclive"),
                run("wandb/run-20240101_000000-a"), store("src/mlruns"), store("old/mlruns"), run("broken")));
        assertThat(grouped).extracting(s -> s.group() == null ? null : ROOT.relativize(s.group()).toString())
                .containsExactly("outputs", "outputs", "reports", "reports", null, null, null, null);
    }

    @Test
    void runsDirectlyInTheDroppedFolderGroupUnderIt() {
        List<ProjectScan.Source> grouped = ProjectScan.group(ROOT, List.of(run("version_0"), run("version_1"),
                run("a/b")));
        assertThat(grouped).extracting(ProjectScan.Source::group).containsExactly(ROOT, ROOT, null);
    }

    @Test
    void theWalkStopsAfterItsEntryBudget(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        for (int i = 0; i < 20; i++) {
            java.nio.file.Files.createDirectories(tmp.resolve("d" + i));
        }
        assertThat(ProjectScan.scan(tmp, List.of(), 10).truncated()).isTrue();
        assertThat(ProjectScan.scan(tmp, List.of(), 100).truncated()).isFalse();
    }
}
