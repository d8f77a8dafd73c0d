package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dvclive summaries and DVC metrics files, JSON, YAML and TOML: values, step, and one-line errors naming file and
 * line.
 */
class SummaryJsonTest {
    @TempDir
    Path tmp;

    @Test
    void nestedValuesAndStepFromJsonAndYaml() throws Exception {
        Path json = Files.writeString(tmp.resolve("metrics.json"),
                "{\"step\": 9, \"train\": {\"acc\": 0.5, \"tags\": [1, 2], \"name\": \"x\"}, \"loss\": NaN}\n");
        SummaryJson s = SummaryJson.read(json);
        assertThat(s.step()).isEqualTo(9L);
        assertThat(s.values()).containsOnlyKeys("train/acc", "loss");
        assertThat(s.values().get("train/acc")).isEqualTo(0.5);
        assertThat(s.values().get("loss")).isNaN();

        Path yaml = Files.writeString(tmp.resolve("scores.yaml"), "step: 3\neval:\n"
                + "  auc: 0.875\n  inf: .inf\n  low: -.Inf\n  nan: .nan\n");
        SummaryJson y = SummaryJson.read(yaml);
        assertThat(y.step()).isEqualTo(3L);
        assertThat(y.values()).containsEntry("eval/auc", 0.875).containsEntry("eval/inf", Double.POSITIVE_INFINITY)
                .containsEntry("eval/low", Double.NEGATIVE_INFINITY);
        assertThat(y.values().get("eval/nan")).isNaN();
    }

    @Test
    void bytesJacksonTakesForUtf32AreOneLineNamingTheByte() throws Exception {
        Path f = Files.write(tmp.resolve("metrics.json"), new byte[] {0, 0, 0, '{', 't', 'd', 'p', 9});
        assertThatThrownBy(() -> SummaryJson.read(f)).isInstanceOf(LogFileException.class)
                .hasMessageStartingWith(f + ": line 1: not JSON text in UTF-8: ").hasMessageContaining("byte #7")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badFilesAreOneLineNamingFileAndLine() throws Exception {
        assertError("metrics.json", "{\n\"acc\": 1e400}\n", ": line 2: metric 'acc': '1e400' is too large");
        assertError("metrics.json", "{\n\n\"step\": 99999999999999999999}\n", ": line 3: step '99999999999999999999'");
        assertError("metrics.json", "{\"acc\": 1}\n{\"acc\": 2}\n", ": line 2: content after the JSON object");
        assertError("metrics.json", "{\"train\": {\n\"\": 1}}\n", ": line 2: a metric without a name");
        assertError("metrics.json", "[1, 2]\n", ": line 1: expected a JSON object of metrics");
        assertError("metrics.json", "", ": line 1: empty file");
        assertError("metrics.json", "{\"acc\": \n", ": line 2: invalid JSON: ");
        assertError("metrics.yaml", "acc: [1\n", ": line 1: invalid YAML: ");
    }

    @Test
    void tomlMetricsNestByTableWithTomlsInfinitiesAndNan() throws Exception {
        Path toml = Files.writeString(tmp.resolve("metrics.toml"), """
                # written by toml.dump
                step = 12
                acc = 0.5
                when = 1979-05-27T07:32:00Z
                labels = ["cat", "dog"]

                [train]
                loss = 0.25
                best = -inf
                worst = +inf
                unknown = nan
                epochs = 1_000

                [eval.per_class]
                cat = 0.75
                """);
        SummaryJson s = SummaryJson.read(toml);
        assertThat(s.step()).isEqualTo(12L);
        assertThat(s.values()).containsOnlyKeys("acc", "train/loss", "train/best", "train/worst", "train/unknown",
                "train/epochs", "eval/per_class/cat");
        assertThat(s.values()).containsEntry("acc", 0.5).containsEntry("train/loss", 0.25)
                .containsEntry("train/best", Double.NEGATIVE_INFINITY)
                .containsEntry("train/worst", Double.POSITIVE_INFINITY).containsEntry("train/epochs", 1000.0)
                .containsEntry("eval/per_class/cat", 0.75);
        assertThat(s.values().get("train/unknown")).isNaN();
    }

    @Test
    void badTomlIsOneLineNamingFileAndLineTheKeysLineForAValue() throws Exception {
        assertError("metrics.toml", "acc = 0.5\n[train]\nloss = 1e400\n",
                ": line 3: metric 'train/loss': '1E+400' is too large for a number (beyond ±1.8e308)");
        assertError("metrics.toml", "acc = 0.5\n\n  \"step\" = 99999999999999999999\n",
                ": line 3: step '99999999999999999999' is not a whole number of 64 bits");
        // Jackson's TOML lexer is past the line end when it sees the duplicate: it names line 3, not 2
        assertError("metrics.toml", "acc = 0.5\nacc = 0.75\n", ": line 3: invalid TOML: Duplicate key");
        assertError("metrics.toml", "acc = 0.5\nloss = [1\n", ": line 3: invalid TOML: ");
        assertError("metrics.toml", "acc = 0.5\n\"\" = 1\n", ": line 2: a metric without a name");
    }

    private void assertError(String name, String text, String expected) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), text);
        assertThatThrownBy(() -> SummaryJson.read(f)).isInstanceOf(LogFileException.class)
                .hasMessageStartingWith(f + expected).hasMessageNotContaining("\n");
    }
}
