package dev.cairn.plugin.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import dev.cairn.plugin.importer.ImportClaim;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The W&B 0.14 fixture: the history of the binary log checked point by point against a dump made by an
 * independent Python reader (src/test/resources/ruzz7bps-history.csv), the summary and config against their files.
 */
class WandbFixtureTest {
    private static final Path RUN = Fixtures.get(
            "wandb/aorvieto__VerySimpleTransformer/wandb/run-20230329_020146-ruzz7bps");
    private final WandbImporter importer = new WandbImporter();

    private List<ImportedRun> importFrom(Path path, RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(path, new CollectingSink(runs), context);
        return runs;
    }

    @Test
    void probes() {
        assertThat(importer.probe(RUN)).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(RUN.resolve("run-ruzz7bps.wandb"))).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(RUN.getParent().getParent())).isGreaterThan(0.5);
        assertThat(importer.probe(Fixtures.get("sacred"))).isZero();
    }

    @Test
    void claimsRunFolders() {
        assertThat(importer.claim(RUN)).isEqualTo(ImportClaim.run(0.95));
        assertThat(importer.claim(RUN.getParent())).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(RUN.resolve("files"))).isEqualTo(ImportClaim.NONE);
    }

    @Test
    void runMatchesTheRawFiles() throws Exception {
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = importFrom(RUN.getParent().getParent(), context);
        assertThat(context.failures).isEmpty();
        assertThat(context.warnings).isEmpty();
        assertThat(runs).hasSize(1);
        ImportedRun run = runs.get(0);
        assertThat(run.experiment()).isEqualTo("Lion and Adam");
        assertThat(run.name()).isEqualTo("ruzz7bps");
        assertThat(run.tags()).containsEntry("wandb.run_id", "ruzz7bps").containsEntry("host", "mark.inf.ethz.ch")
                .containsEntry("wandb.exit_code", "255");
        // ended by Ctrl-C: exit code 255
        assertThat(run.status()).isEqualTo(RunStatus.KILLED);
        assertThat(run.startMs()).isEqualTo(1680048106627L);
        assertThat(run.endMs()).isEqualTo(1680048106627L + 107_000);
        assertThat(run.sourceProgram()).isEqualTo("main.py");
        assertThat(run.params()).containsEntry("dataset", "IMDB").containsEntry("epochs", "10")
                .containsEntry("optimizer.bs", "4").containsEntry("optimizer.lr", "0.001")
                .containsEntry("optimizer.method", "adam").containsEntry("project", "IMDB")
                .containsEntry("seed", "67").containsEntry("use_wandb", "true").hasSize(8);

        Map<String, ImportedSeries> byKey = new HashMap<>();
        run.metrics().forEach(s -> byKey.put(s.key(), s));
        assertThat(byKey.keySet()).containsExactlyInAnyOrder("lr", "train_loss_local", "grad_norm_square");
        Map<String, Integer> next = new HashMap<>();
        int rows = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/ruzz7bps-history.csv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                ImportedSeries s = byKey.get(f[2]);
                int i = next.merge(f[2], 1, Integer::sum) - 1;
                assertThat(s.steps()[i]).isEqualTo(Long.parseLong(f[0]));
                assertThat(s.timestamps()[i]).isEqualTo(Math.round(Double.parseDouble(f[1]) * 1000));
                assertThat(s.values()[i]).as(line).isEqualTo(Double.parseDouble(f[3]));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(3 * 1750);
        next.forEach((key, n) -> assertThat(byKey.get(key).size()).isEqualTo(n));

        // the summary's values are the series' last points: no extra points, no summary tags
        JsonNode summary = new ObjectMapper().readTree(Files.readString(RUN.resolve("files/wandb-summary.json")));
        for (String key : byKey.keySet()) {
            ImportedSeries s = byKey.get(key);
            assertThat(s.values()[s.size() - 1]).isEqualTo(summary.get(key).asDouble());
            assertThat(s.steps()[s.size() - 1]).isEqualTo(summary.get("_step").asLong());
        }
        assertThat(run.tags().keySet()).noneMatch(k -> k.startsWith("wandb.summary."));
    }
}
