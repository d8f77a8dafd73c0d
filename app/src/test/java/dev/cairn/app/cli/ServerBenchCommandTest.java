package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn bench --mode server} at the tiny scale: every figure present, nothing lost, temp store deleted. */
class ServerBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void tinyServerBenchReportsEveryFigureAndLosesNothing() throws Exception {
        CliRunner.Result result = CliRunner.run("bench", "--mode", "server", "--scale", "tiny", "--json", "--dir",
                dir.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("mode").asText()).isEqualTo("server");
        for (String figure : new String[] {"logBatch1000ServerMsMedian", "logBatch1000RoundTripMsMedian",
            "concurrentPointsPerSec", "searchFirstPage1000ServerMs", "searchFilteredFirstPage100ServerMs",
            "bulkInterval2500ServerMs", "bulkInterval320ServerMs", "loadBefore", "loadAfter"}) {
            assertThat(json.get(figure)).as(figure).isNotNull();
            assertThat(json.get(figure).isNumber()).as(figure).isTrue();
        }
        assertThat(json.get("concurrentPointsStored").asLong()).isEqualTo(json.get("concurrentPointsSent").asLong());
        assertThat(json.get("concurrentRequestsOk").asInt()).isEqualTo(16 * 3);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("temporary store deleted").isEmpty();
        }
        assertThat(CliRunner.run("bench", "--mode", "server", "--store", "postgresql://u@h/db").code()).isEqualTo(2);
    }
}
