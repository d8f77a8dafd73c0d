package dev.cairn.plugin.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML files as trees: YAML's special floats are numbers, text stays text, 1e400 is an error naming its line. */
class YamlFilesTest {
    @TempDir
    Path tmp;

    @Test
    void theSpecialFloatsOfYaml11And12AreTheirDoublesInEverySpelling() throws Exception {
        Path f = Files.writeString(tmp.resolve("plot.yaml"), """
                - {step: 0, a: .inf, b: .Inf, c: .INF, d: +.inf}
                - {step: 1, a: -.inf, b: -.Inf, c: -.INF}
                - {step: 2, a: .nan, b: .NaN, c: .NAN}
                - {step: 3, a: 0.5, b: 1e3, c: 7}
                """);
        JsonNode rows = YamlFiles.read(f);
        assertThat(rows.size()).isEqualTo(4);
        for (String k : new String[] {"a", "b", "c", "d"}) {
            assertThat(rows.get(0).get(k).isDouble()).isTrue();
            assertThat(rows.get(0).get(k).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        }
        for (String k : new String[] {"a", "b", "c"}) {
            assertThat(rows.get(1).get(k).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(rows.get(2).get(k).doubleValue()).isNaN();
        }
        assertThat(rows.get(3).get("a").doubleValue()).isEqualTo(0.5);
        assertThat(rows.get(3).get("b").doubleValue()).isEqualTo(1000.0);
        assertThat(rows.get(3).get("c").intValue()).isEqualTo(7);
    }

    @Test
    void quotedSpecialsAndOtherSpellingsStayText() throws Exception {
        Path f = Files.writeString(tmp.resolve("m.yaml"), """
                quoted: ".inf"
                word: inf
                mixed: .iNf
                python: nan
                """);
        JsonNode m = YamlFiles.read(f);
        m.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        assertThat(m.get("quoted").asText()).isEqualTo(".inf");
        assertThat(m.get("mixed").asText()).isEqualTo(".iNf");
    }

    @Test
    void aNumberTooLargeForADoubleIsAnErrorNamingTheLineNeverInfinity() throws Exception {
        Path f = Files.writeString(tmp.resolve("plot.yaml"), "- {step: 0, loss: 0.5}\n- {step: 1, loss: 1e400}\n");
        assertThatThrownBy(() -> YamlFiles.read(f)).isInstanceOf(LogFileException.class)
                .hasMessage(f + ": line 2: invalid YAML: '1e400' is too large for a number (beyond ±1.8e308)");
    }

    @Test
    void anEmptyFileIsANullNodeAndBrokenYamlNamesItsLine() throws Exception {
        assertThat(YamlFiles.read(Files.writeString(tmp.resolve("e.yaml"), "")).isNull()).isTrue();
        Path broken = Files.writeString(tmp.resolve("b.yaml"), "a: 1\nb: [1\n");
        assertThatThrownBy(() -> YamlFiles.read(broken)).isInstanceOf(LogFileException.class)
                .hasMessageStartingWith(broken + ": line ").hasMessageContaining("invalid YAML: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void specialNamesOnlyYamlsSpellings() {
        assertThat(YamlFiles.special("+.INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(YamlFiles.special("-.Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(YamlFiles.special(".NaN")).isNaN();
        assertThat(YamlFiles.special("inf")).isNull();
        assertThat(YamlFiles.special(".iNf")).isNull();
        assertThat(YamlFiles.special("-.nan")).isNull();
    }
}
