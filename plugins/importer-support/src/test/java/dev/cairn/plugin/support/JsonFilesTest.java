package dev.cairn.plugin.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFilesTest {
    private static final Path FILE = Path.of("trainer_state.json");

    private static JsonNode parse(String json) throws LogFileException {
        return JsonFiles.parse(FILE, json.getBytes(StandardCharsets.UTF_8), 0);
    }

    @Test
    void pythonsNanAndInfinityStayNumbers() throws Exception {
        JsonNode node = parse("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"d\": 1e308}");
        assertThat(node.get("a").asDouble()).isNaN();
        assertThat(node.get("b").asDouble()).isInfinite().isPositive();
        assertThat(node.get("c").asDouble()).isInfinite().isNegative();
        assertThat(node.get("d").asDouble()).isEqualTo(1e308);
    }

    @Test
    void aNumberTooLargeForADoubleIsAnErrorNamingItsLineNeverInfinity() {
        assertThatThrownBy(() -> parse("{\n\"loss\": 0.5,\n\"eval_loss\": 1e400\n}"))
                .isInstanceOf(LogFileException.class)
                .hasMessageContaining("trainer_state.json").hasMessageContaining("line 3")
                .hasMessageContaining("'1e400' is too large for a number");
        assertThatThrownBy(() -> JsonFiles.parse(FILE, "[-2e999]".getBytes(StandardCharsets.UTF_8), 4))
                .isInstanceOf(LogFileException.class).hasMessageContaining("line 5");
    }

    @Test
    void brokenJsonStillNamesItsLine() {
        assertThatThrownBy(() -> parse("{\n\"a\": 1,\n\"b\": }")).isInstanceOf(LogFileException.class)
                .hasMessageContaining("line 3").hasMessageContaining("invalid JSON");
    }
}
