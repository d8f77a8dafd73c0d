package dev.cairn.plugin.optuna;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.foreign.ForeignSqlite;
import dev.cairn.store.model.RunStatus;
import dev.cairn.plugin.importer.ImportClaim;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Optuna ≥ 3.2 SQLite fixture: 106 trials, values and intermediate values checked against the raw rows. */
class OptunaSqliteFixtureTest {
    private static final Path DB = Fixtures.get("optuna/LukeCPadmore__flow-matching-mnist/optuna.db");
    private final OptunaImporter importer = new OptunaImporter();

    @Test
    void probesTheDatabaseNotOtherSqliteFiles() {
        assertThat(importer.probe(DB)).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(DB.getParent())).isGreaterThan(0.5);
        assertThat(importer.probe(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db"))).isZero();
    }

    @Test
    void claimsStorageFilesAsStores() {
        assertThat(importer.claim(DB)).isEqualTo(ImportClaim.store(0.95));
        assertThat(importer.claim(Fixtures.get("optuna/sawa3030__optuna-playground/journal.log")))
                .isEqualTo(ImportClaim.store(0.95));
        assertThat(importer.claim(DB.getParent())).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(Fixtures.get("mlflow_db/2024ab05158-lab__heart-disease-mlops/mlflow.db")))
                .isEqualTo(ImportClaim.NONE);
    }

    @Test
    void everyTrialIsARunMatchingTheRawRows() throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        CollectingSink sink = new CollectingSink(runs);
        RecordingContext context = new RecordingContext();
        importer.importFrom(DB, sink, context);
        assertThat(context.failures).isEmpty();
        assertThat(runs).hasSize(106);
        assertThat(runs).allMatch(r -> r.experiment().equals("smoke-test"));
        assertThat(sink.experiments).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("smoke-test");
            assertThat(e.tags()).containsEntry("optuna.direction", "MINIMIZE");
        });
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.FINISHED)).hasSize(22);
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.KILLED))
                .hasSize(79).allMatch(r -> "PRUNED".equals(r.tags().get("optuna.state")));
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.FAILED)).hasSize(5);

        ImportedRun four = runs.stream().filter(r -> r.name().equals("trial 4")).findFirst().orElseThrow();
        assertThat(four.params()).containsEntry("optim.lr", "0.00025637587781099586") // Python repr of the stored double
                .containsEntry("unet.activation_name", "relu").containsEntry("unet.base_channels", "48")
                .containsEntry("unet.d_time", "64").containsEntry("unet.max_time_period", "1000.0")
                .containsEntry("unet.n_layers", "5");
        assertThat(four.tags()).containsEntry("optuna.param.unet.base_channels.step", "16")
                .doesNotContainKey("optuna.param.unet.n_layers.step").doesNotContainKey("optuna.state");
        assertThat(four.startMs()).isEqualTo(utc("2026-02-01T21:12:09.058405"));
        assertThat(four.endMs()).isEqualTo(utc("2026-02-01T21:18:06.132068"));
        ImportedSeries value = series(four, "value");
        assertThat(value.steps()).containsExactly(0L);
        assertThat(value.values()).containsExactly(0.1493682058373834);
        ImportedSeries intermediate = series(four, "intermediate");
        assertThat(intermediate.steps()).containsExactly(0L, 1L, 2L);
        assertThat(intermediate.values()).containsExactly(0.16987601862211896, 0.1554331343834567, 0.1493682058373834);

        // every value and intermediate value of every trial, against the rows read directly
        Map<Long, Double> values = new HashMap<>();
        Map<String, Double> inter = new HashMap<>();
        try (ForeignSqlite db = ForeignSqlite.open(DB)) {
            db.query("SELECT t.number, v.value FROM trial_values v JOIN trials t USING (trial_id)", List.of(),
                    row -> values.put(row.getLong("number"), row.getDouble("value")));
            db.query("SELECT t.number, i.step, i.intermediate_value AS v FROM trial_intermediate_values i "
                    + "JOIN trials t USING (trial_id)", List.of(),
                    row -> inter.put(row.getLong("number") + "/" + row.getLong("step"), row.getDouble("v")));
        }
        int points = 0;
        for (ImportedRun run : runs) {
            long number = Long.parseLong(run.tags().get("optuna.trial"));
            for (ImportedSeries s : run.metrics()) {
                for (int i = 0; i < s.size(); i++) {
                    Double raw = s.key().equals("value") ? values.get(number) : inter.get(number + "/" + s.steps()[i]);
                    assertThat(s.values()[i]).as(run.name() + " " + s.key()).isEqualTo(raw);
                    points++;
                }
            }
            assertThat(run.metrics().stream().anyMatch(s -> s.key().equals("value")))
                    .isEqualTo(values.containsKey(number));
        }
        assertThat(points).isEqualTo(values.size() + inter.size());
        assertThat(inter).hasSize(170);
    }

    static ImportedSeries series(ImportedRun run, String key) {
        return run.metrics().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    static long utc(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
