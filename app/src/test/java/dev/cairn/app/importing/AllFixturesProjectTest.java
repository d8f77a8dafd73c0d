package dev.cairn.app.importing;

import dev.cairn.app.plugins.PluginLoader;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole shared fixtures folder dropped as one project (dry run): every real sample of every format is found by
 * its importer, nothing fails, nothing is read twice.
 */
class AllFixturesProjectTest {
    @TempDir
    Path tmp;

    @Test
    void everyFixtureIsFoundByItsImporterAndNothingFails() {
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            ImportService service = new ImportService(store, PluginLoader.loadDefault().importers());
            ImportSummary s = service.importPaths(List.of(Fixtures.root()), new ImportOptions(null, null, true),
                    ImportListener.NONE);
            assertThat(s.failed()).isEmpty();
            Map<String, Integer> runsByFormat = s.sources().stream().collect(Collectors.groupingBy(
                    ImportSummary.Source::importerId, Collectors.summingInt(ImportSummary.Source::runs)));
            assertThat(runsByFormat).containsOnly(
                    Map.entry("mlflow-file", 8 + 2 + 21 + 38 + 3),
                    Map.entry("mlflow-sqlite", 7 + 100),
                    Map.entry("tensorboard", 3),
                    Map.entry("lightning-csv", 19 + 1),
                    Map.entry("keras-csv", 4 + 1),
                    Map.entry("dvclive", 2),
                    Map.entry("hf-trainer", 2),
                    Map.entry("optuna", 106 + 109 + 5),
                    Map.entry("sacred", 8 + 1),
                    Map.entry("wandb", 1));
            int sourceRuns = runsByFormat.values().stream().mapToInt(Integer::intValue).sum();
            // plus the parent runs of the groups found by path shape (lightning_logs, my_runs, ...)
            long groups = s.sources().stream().map(ImportSummary.Source::group).filter(g -> g != null).distinct()
                    .count();
            assertThat(s.added()).hasSize(sourceRuns + (int) groups);
            assertThat(store.runsChangedSince(0)).isEmpty();
        }
    }
}
