package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dvclive summaries and DVC metrics files, JSON and YAML: values, step, and one-line errors naming file and line. */
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

    private void assertError(String name, String text, String expected) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), text);
        assertThatThrownBy(() -> SummaryJson.read(f)).isInstanceOf(LogFileException.class)
                .hasMessageStartingWith(f + expected).hasMessageNotContaining("\n");
    }
}
