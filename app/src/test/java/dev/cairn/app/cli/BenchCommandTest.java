package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.bench.BenchDatabases;
import dev.cairn.store.internal.sql.PostgresTestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn bench} end to end at the tiny scale: every figure, Cairn and naive, on SQLite and on PostgreSQL. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each figure, measured for both layouts, and the name of its ratio. */
    private static final Map<String, String> FIGURES = Map.of("ingestPointsPerSec", "ingest", "bytesPerPoint",
            "bytesPerPoint", "seriesReadMs", "seriesRead", "downsampleMs", "downsample", "loggerCallsPerSec",
            "loggerCalls", "queryMs", "query");

    @TempDir
    Path dir;

    @Test
    void monitoringModeAtTheTinyScaleReportsScoringStoringAndRuleFigures() throws Exception {
        CliRunner.Result result = CliRunner.run("bench", "--mode", "monitoring", "--scale", "tiny", "--json", "--dir",
                dir.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("rows").asInt()).isEqualTo(2_000);
        assertThat(json.get("columns").asInt()).isEqualTo(50);
        assertThat(json.get("slices").asInt()).isEqualTo(10);
        for (String figure : List.of("scoreOnly", "batchWithPerformance", "batchProfileOnly")) {
            assertThat(json.get(figure).get("wallMs").asDouble()).as(figure).isPositive();
        }
        assertThat(json.get("rulesPerBatch").get("batches").asInt()).isEqualTo(10);
        assertThat(json.get("rulesPerBatch").get("medianMs").asDouble()).isPositive();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void tinyScaleOnSqliteReportsEveryFigureForBothLayoutsAndCleansUp() throws Exception {
        CliRunner.Result result = CliRunner.run("bench", "--scale", "tiny", "--json", "--dir", dir.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertFigures(json, "sqlite");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("temporary stores deleted").isEmpty();
        }
    }

    @Test
    void tinyScaleOnPostgresRunsInItsOwnDatabasesAndDropsThem() throws Exception {
        PostgresTestDatabases.Location server = PostgresTestDatabases.server();
        List<String> before = benchDatabases(server);

        CliRunner.Result result = CliRunner.run("bench", "--scale", "tiny", "--json", "--store", server.uri());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertFigures(json, "postgresql");
        assertThat(json.get("stores").asText()).doesNotContain(String.valueOf(server.password()));
        assertThat(benchDatabases(server)).as("benchmark databases dropped").isSubsetOf(before);
    }

    @Test
    void storeMustBeAPostgresServer() {
        CliRunner.Result result = CliRunner.run("bench", "--scale", "tiny", "--store", dir.resolve("x.db").toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--store takes a PostgreSQL server");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    private static void assertFigures(JsonNode json, String backend) {
        assertThat(json.get("scale").asText()).isEqualTo("tiny");
        assertThat(json.get("backend").asText()).isEqualTo(backend);
        assertThat(json.get("ingestPoints").asLong()).isEqualTo(20_000);
        assertThat(json.get("runsInStore").asInt()).isEqualTo(100);
        FIGURES.forEach((figure, ratio) -> {
            assertThat(json.get(figure).asDouble()).as("cairn " + figure).isPositive();
            assertThat(json.get("naive").get(figure).asDouble()).as("naive " + figure).isPositive();
            assertThat(json.get("ratios").get(ratio).asDouble()).as("ratio " + ratio).isPositive();
        });
        // the layouts' sizes are of a different kind: blobs of ~11 bytes a point against a row and index entry each
        assertThat(json.get("bytesPerPoint").asDouble()).isLessThan(json.get("naive").get("bytesPerPoint").asDouble());
    }

    private static List<String> benchDatabases(PostgresTestDatabases.Location server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = server.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.contains(BenchDatabases.CAIRN_SUFFIX) || name.contains(BenchDatabases.NAIVE_SUFFIX)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
