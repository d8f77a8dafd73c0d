package dev.cairn.plugin.hftrainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import dev.cairn.plugin.importer.ImportClaim;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two Trainer fixtures, every point checked against the raw trainer_state.json it came from. */
class HfTrainerFixturesTest {
    private static final Path WHISPER = Fixtures.get("hf_trainer/P4P4N1CK__whisper-large-v2-japanese-5k-steps");
    private static final Path GEMMA = Fixtures.get("hf_trainer/tasfiahmrinmoyee__Gemma3-1B-Instruct-outputs");
    private final HfTrainerImporter importer = new HfTrainerImporter();

    private List<ImportedRun> importFrom(Path path, RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(path, new CollectingSink(runs), context);
        return runs;
    }

    @Test
    void probesOutputFoldersAndStateFiles() {
        assertThat(importer.probe(WHISPER)).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(GEMMA.resolve("trainer_state.json"))).isGreaterThanOrEqualTo(0.9);
        assertThat(importer.probe(Fixtures.get("hf_trainer"))).isGreaterThan(0.5);
        assertThat(importer.probe(Fixtures.get("sacred"))).isZero();
    }

    @Test
    void claimsOutputFoldersNotTheirCheckpoints() {
        assertThat(importer.claim(GEMMA)).isEqualTo(ImportClaim.run(0.95));
        assertThat(importer.claim(GEMMA.resolve("checkpoint-2400"))).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(WHISPER.resolve("last-checkpoint"))).isEqualTo(ImportClaim.NONE);
        assertThat(importer.claim(Fixtures.get("hf_trainer"))).isEqualTo(ImportClaim.NONE);
    }

    @Test
    void whisperRootStateIsNewerThanLastCheckpoint() throws Exception {
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = importFrom(WHISPER, context);
        assertThat(context.failures).isEmpty();
        assertThat(runs).hasSize(1);
        ImportedRun run = runs.get(0);
        assertThat(run.name()).isEqualTo("P4P4N1CK__whisper-large-v2-japanese-5k-steps");
        assertThat(run.sourceRef()).isEqualTo(WHISPER.resolve("trainer_state.json").toString());
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertMatchesRaw(run, WHISPER.resolve("trainer_state.json"));
        // the final entry (train_loss at step 5000) is only in the root state, not in last-checkpoint's
        assertThat(point(run, "train_loss", 5000)).isEqualTo(0.01890342615880072);
        assertThat(point(run, "loss", 25)).isEqualTo(0.3048);
        assertThat(point(run, "learning_rate", 25)).isEqualTo(4.6000000000000004e-07);
        assertThat(point(run, "eval_wer", 5000)).isEqualTo(0.7449365679946583);
        // results keys no log entry has: one point at global_step; eval_runtime keeps the logged value
        assertThat(point(run, "eval_samples", 5000)).isEqualTo(4485);
        assertThat(point(run, "train_samples", 5000)).isEqualTo(6505);
        assertThat(series(run, "eval_runtime").values()).contains(1710.8673).doesNotContain(1712.6978);
        assertThat(run.params()).containsEntry("max_steps", "5000").containsEntry("num_train_epochs", "39")
                .containsEntry("d_model", "1280").containsEntry("activation_function", "gelu")
                .containsEntry("begin_suppress_tokens", "[220,50257]").containsEntry("forced_decoder_ids", "null")
                .doesNotContainKey("train_batch_size");
        assertThat(run.tags()).containsEntry("best_metric", "0.7431560204762965")
                .containsEntry("best_model_checkpoint",
                        "/storage/elsayedissa/whisper-large-v2-japanese-24h/checkpoint-3000");
    }

    @Test
    void gemmaCheckpointsAreSnapshotsNotRuns() throws Exception {
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = importFrom(GEMMA, context);
        assertThat(context.failures).isEmpty();
        assertThat(runs).hasSize(1);
        ImportedRun run = runs.get(0);
        // root state: 95 entries; checkpoint-3765 has 94 at the same step, checkpoint-2400 is older
        assertThat(run.sourceRef()).isEqualTo(GEMMA.resolve("trainer_state.json").toString());
        assertMatchesRaw(run, GEMMA.resolve("trainer_state.json"));
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(point(run, "loss", 50)).isEqualTo(14.7537890625);
        assertThat(point(run, "grad_norm", 50)).isEqualTo(3.6390724182128906);
        assertThat(run.tags()).containsEntry("best_metric", "0.7326762080192566")
                .containsEntry("best_model_checkpoint", "/kaggle/working/outputs/checkpoint-3765");
        assertThat(run.params()).containsEntry("train_batch_size", "4").containsEntry("eval_steps", "200")
                .containsEntry("save_steps", "200").containsEntry("logging_steps", "50")
                .containsEntry("max_steps", "3765").containsEntry("num_train_epochs", "3")
                // adapter_config.json is only in the checkpoints: the newest one's
                .containsEntry("peft_type", "LORA").containsEntry("r", "16")
                .containsEntry("target_modules", "[\"gate_proj\",\"down_proj\",\"q_proj\",\"k_proj\",\"up_proj\",\"v_proj\",\"o_proj\"]");
    }

    @Test
    void bothFixturesFromTheirCommonFolderAndReimportIsStable() throws Exception {
        List<ImportedRun> first = importFrom(Fixtures.get("hf_trainer"), new RecordingContext());
        List<ImportedRun> second = importFrom(Fixtures.get("hf_trainer"), new RecordingContext());
        assertThat(first).hasSize(2);
        assertThat(first).extracting(ImportedRun::id).containsExactlyElementsOf(
                second.stream().map(ImportedRun::id).toList());
        assertThat(first).extracting(ImportedRun::id).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    /** Every numeric key of every raw log entry (but step) is exactly one point of the run at that entry's step. */
    static void assertMatchesRaw(ImportedRun run, Path stateFile) throws Exception {
        JsonNode raw = new ObjectMapper().readTree(Files.readString(stateFile));
        long global = raw.get("global_step").asLong();
        Map<String, Integer> expectedCount = new HashMap<>();
        for (JsonNode entry : raw.get("log_history")) {
            long step = entry.has("step") ? entry.get("step").asLong() : global;
            for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.equals("step") || !entry.get(key).isNumber()) {
                    continue;
                }
                expectedCount.merge(key, 1, Integer::sum);
                ImportedSeries s = series(run, key);
                int at = expectedCount.get(key) - 1;
                assertThat(s.steps()[at]).as(key + " step").isEqualTo(step);
                assertThat(s.values()[at]).as(key + " at " + step).isEqualTo(entry.get(key).asDouble());
                assertThat(s.timestamps()[at]).isZero();
            }
        }
        expectedCount.forEach((key, n) -> {
            int extra = series(run, key).size() - n;
            assertThat(extra).as(key + " points beyond the log").isBetween(0, 0);
        });
    }

    static ImportedSeries series(ImportedRun run, String key) {
        return run.metrics().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + key));
    }

    static double point(ImportedRun run, String key, long step) {
        ImportedSeries s = series(run, key);
        for (int i = 0; i < s.size(); i++) {
            if (s.steps()[i] == step) {
                return s.values()[i];
            }
        }
        throw new AssertionError("no point of " + key + " at step " + step);
    }
}
