package dev.cairn.plugin.hftrainer;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Truncated, corrupt and incomplete Trainer states: one line naming the file and line, other runs still import. */
class HfTrainerBadInputTest {
    private final HfTrainerImporter importer = new HfTrainerImporter();
    @TempDir
    Path dir;

    private List<ImportedRun> run(Path path, RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(path, new CollectingSink(runs), context);
        return runs;
    }

    @Test
    void truncatedStateFailsItsFolderOnlyWithFileAndLine() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        String whole = Files.readString(Fixtures.get(
                "hf_trainer/P4P4N1CK__whisper-large-v2-japanese-5k-steps/trainer_state.json"));
        Files.writeString(bad.resolve("trainer_state.json"), whole.substring(0, 700));
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("trainer_state.json"),
                "{\"global_step\": 10, \"max_steps\": 20, \"log_history\": [{\"loss\": 1.5, \"step\": 10}]}");
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(dir, context);
        assertThat(runs).extracting(ImportedRun::name).containsExactly("good");
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.KILLED);
        assertThat(context.failures).singleElement().asString()
                .contains(bad.resolve("trainer_state.json") + ": line ").contains("invalid JSON")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void corruptSnapshotIsSkippedWithAWarning() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("trainer_state.json"),
                "{\"global_step\": 5, \"max_steps\": 5, \"log_history\": [{\"loss\": 2.0}]}");
        Path ckpt = Files.createDirectories(out.resolve("checkpoint-9"));
        Files.write(ckpt.resolve("trainer_state.json"), new byte[] {0x7b, 0x00, (byte) 0xff, 0x22});
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(out, context);
        assertThat(runs).hasSize(1);
        // no step in the entry: global_step
        assertThat(runs.get(0).metrics().get(0).steps()).containsExactly(5L);
        assertThat(context.warnings).singleElement().asString()
                .startsWith(ckpt.resolve("trainer_state.json") + ": line 1: ").contains("snapshot skipped");
    }

    @Test
    void missingFieldsNameTheField() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("trainer_state.json"), "{\"log_history\": []}");
        RecordingContext context = new RecordingContext();
        assertThat(run(out, context)).isEmpty();
        assertThat(context.failures).singleElement().asString()
                .contains(out.resolve("trainer_state.json") + ": line 1: missing or non-integer field 'global_step'");

        Files.writeString(out.resolve("trainer_state.json"), "{\"global_step\": 3}");
        RecordingContext second = new RecordingContext();
        run(out, second);
        assertThat(second.failures).singleElement().asString().contains("missing field 'log_history'");
    }

    @Test
    void folderWithoutStatesIsOneError() throws Exception {
        assertThatThrownBy(() -> run(dir, new RecordingContext())).isInstanceOf(ImportException.class)
                .hasMessage(dir + ": no Hugging Face Trainer output (trainer_state.json) found");
    }
}
