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
    void aValueHeldInsideAnotherFormatFollowsTheSameRules() throws Exception {
        assertThat(JsonFiles.parseValue("Infinity").asDouble()).isInfinite();
        assertThat(JsonFiles.parseValue("0.5").asDouble()).isEqualTo(0.5);
        assertThatThrownBy(() -> JsonFiles.parseValue("E888"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> JsonFiles.parseValue("8e888"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class)
                .hasMessageContaining("'8e888' is too large for a number");
    }

    @Test
    void anErrorQuotingALineBreakStaysOneLine() {
        assertThat(new dev.cairn.plugin.importer.ImportException("b.zip: series 'a\nb\u0001' is bad").getMessage())
                .isEqualTo("b.zip: series 'a\\nb\\u0001' is bad");
    }

    @Test
    void numbersAndStepsAreReadStrictly() throws Exception {
        JsonNode node = parse("{\"v\": 0.25, \"n\": null, \"s\": \"abc\", \"step\": 3, \"half\": 2.5}");
        assertThat(JsonFiles.number(node.get("v"), FILE, 7, "v")).isEqualTo(0.25);
        assertThat(JsonFiles.number(node.get("n"), FILE, 7, "n")).isNaN();
        assertThat(JsonFiles.number(node.get("absent"), FILE, 7, "absent")).isNaN();
        assertThatThrownBy(() -> JsonFiles.number(node.get("s"), FILE, 7, "s")).isInstanceOf(LogFileException.class)
                .hasMessage("trainer_state.json: line 7: s: abc is not a number");
        assertThat(JsonFiles.integer(node.get("step"), FILE, 7, "step")).isEqualTo(3);
        assertThatThrownBy(() -> JsonFiles.integer(node.get("half"), FILE, 7, "half"))
                .hasMessage("trainer_state.json: line 7: half: 2.5 is not a whole number");
        assertThatThrownBy(() -> JsonFiles.integer(node.get("s"), FILE, 7, "s")).isInstanceOf(LogFileException.class);
    }

    @Test
    void brokenJsonStillNamesItsLine() {
        assertThatThrownBy(() -> parse("{\n\"a\": 1,\n\"b\": }")).isInstanceOf(LogFileException.class)
                .hasMessageContaining("line 3").hasMessageContaining("invalid JSON");
    }
}
