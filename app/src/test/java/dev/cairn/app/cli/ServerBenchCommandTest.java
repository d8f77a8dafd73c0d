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
            "searchFirstPage1000ServerMs", "searchFilteredFirstPage100ServerMs",
            "bulkInterval2500ServerMs", "bulkInterval320ServerMs", "loadBefore", "loadAfter"}) {
            assertThat(json.get(figure)).as(figure).isNotNull();
            assertThat(json.get(figure).isNumber()).as(figure).isTrue();
        }
        JsonNode concurrent = json.get("concurrentRound1");
        for (String figure : new String[] {"pointsPerSec", "wallMs", "serverCpuMs", "clientCpuMs", "loadBefore"}) {
            assertThat(concurrent.get(figure).isNumber()).as(figure).isTrue();
        }
        assertThat(concurrent.get("pointsStored").asLong()).isEqualTo(16 * 3 * 1000);
        assertThat(concurrent.get("pointsSent").asLong()).isEqualTo(16 * 3 * 1000);
        assertThat(concurrent.get("requestsOk").asInt()).isEqualTo(16 * 3);
        assertThat(concurrent.get("requestsFailed").asInt()).isZero();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("temporary store deleted").isEmpty();
        }
        assertThat(CliRunner.run("bench", "--mode", "server", "--store", "postgresql://u@h/db").code()).isEqualTo(2);
    }

    @Test
    void tinySearchBenchBuildsItsStoreOnceAndReportsMedianAndP90() throws Exception {
        CliRunner.Result first = CliRunner.run("bench", "--mode", "search", "--scale", "tiny", "--json", "--dir",
                dir.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("building a 2000-run store");
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(json.get("mode").asText()).isEqualTo("search");
        for (String order : new String[] {"none", "startTimeDesc", "metricDesc", "paramAsc"}) {
            for (String figure : new String[] {"serverMsMedian", "serverMsP90", "roundTripMsMedian", "roundTripMsP90",
                "cpuMsPerRequest", "load"}) {
                assertThat(json.at("/" + order + "/" + figure).isNumber()).as(order + " " + figure).isTrue();
            }
            assertThat(json.at("/" + order + "/responseBytes").asInt()).as(order).isGreaterThan(1000 * 1000);
        }
        assertThat(dir.resolve("cairn-serve-search-2000.db")).exists();

        CliRunner.Result again = CliRunner.run("bench", "--mode", "search", "--scale", "tiny", "--json", "--dir",
                dir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("building");
        assertThat(CliRunner.run("bench", "--mode", "search", "--store", "postgresql://u@h/db").code()).isEqualTo(2);
    }
}
