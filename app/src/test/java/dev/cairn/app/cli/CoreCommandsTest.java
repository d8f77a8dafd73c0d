package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The headless commands against a real store file. */
class CoreCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void logThenListRunsAsJsonWithSpecialValues() throws Exception {
        String store = dir.resolve("s.db").toString();
        CliRunner.Result logged = CliRunner.run("log", "--store", store, "--experiment", "churn", "--run-name", "lr-0.1",
                "--param", "lr=0.1", "--param", "note=a=b", "--metric", "loss=0.5@1", "--metric", "loss=NaN@2",
                "--metric", "acc=-Infinity");
        assertThat(logged.code()).as(logged.err()).isZero();
        String id = logged.out().strip();
        assertThat(id).matches("[0-9a-f]{32}");

        CliRunner.Result runs = CliRunner.run("runs", "--store", store, "--json");
        assertThat(runs.code()).as(runs.err()).isZero();
        JsonNode run = JSON.readTree(runs.out()).get(0);
        assertThat(run.get("id").asText()).isEqualTo(id);
        assertThat(run.get("experiment").asText()).isEqualTo("churn");
        assertThat(run.get("name").asText()).isEqualTo("lr-0.1");
        assertThat(run.get("status").asText()).isEqualTo("FINISHED");
        assertThat(run.get("lifecycle").asText()).isEqualTo("active");
        assertThat(run.get("startTime").isNumber()).isTrue();
        assertThat(run.get("endTime").isNumber()).isTrue();
        assertThat(run.get("parentId").isNull()).isTrue();
        assertThat(run.get("params").get("note").asText()).isEqualTo("a=b");
        JsonNode loss = run.get("metrics").get("loss");
        assertThat(loss.get("last").asText()).isEqualTo("NaN");
        assertThat(loss.get("min").asDouble()).isEqualTo(0.5);
        assertThat(loss.get("count").asLong()).isEqualTo(2);
        assertThat(loss.get("lastStep").asLong()).isEqualTo(2);
        assertThat(run.get("metrics").get("acc").get("max").asText()).isEqualTo("-Infinity");

        CliRunner.Result metric = CliRunner.run("metric", "--store", store, "--run", id, "--key", "loss", "--json");
        JsonNode points = JSON.readTree(metric.out());
        assertThat(points).hasSize(2);
        assertThat(points.get(0).get("step").asLong()).isEqualTo(1);
        assertThat(points.get(0).get("value").asDouble()).isEqualTo(0.5);
        assertThat(points.get(1).get("value").asText()).isEqualTo("NaN");
        assertThat(points.get(0).has("timestamp")).isTrue();

        CliRunner.Result experiments = CliRunner.run("experiments", "--store", store, "--json");
        assertThat(JSON.readTree(experiments.out()).get(0).get("name").asText()).isEqualTo("churn");

        CliRunner.Result table = CliRunner.run("runs", "--store", store);
        assertThat(table.out()).contains(id).contains("lr-0.1").contains("FINISHED");
    }

    @Test
    void bucketedMetricKeepsEveryPointInItsBucket() throws Exception {
        String store = dir.resolve("s.db").toString();
        String[] args = new String[3 + 2 * 100 + 6];
        int i = 0;
        args[i++] = "log";
        args[i++] = "--store";
        args[i++] = store;
        for (int step = 0; step < 100; step++) {
            args[i++] = "--metric";
            args[i++] = "m=" + step + "@" + step;
        }
        args[i++] = "--experiment";
        args[i++] = "e";
        args[i++] = "--status";
        args[i++] = "RUNNING";
        args[i++] = "--run-name";
        args[i] = "r";
        String id = CliRunner.run(args).out().strip();
        JsonNode buckets = JSON.readTree(CliRunner.run("metric", "--store", store, "--run", id, "--key", "m",
                "--buckets", "10", "--json").out());
        assertThat(buckets).hasSize(10);
        assertThat(buckets.get(0).get("value").asDouble()).isEqualTo(9.0);
        assertThat(buckets.get(0).get("min").asDouble()).isEqualTo(0.0);
        assertThat(buckets.get(0).get("count").asLong()).isEqualTo(10);
        JsonNode run = JSON.readTree(CliRunner.run("runs", "--store", store, "--json").out()).get(0);
        assertThat(run.get("status").asText()).isEqualTo("RUNNING");
        assertThat(run.get("endTime").isNull()).isTrue();
    }

    @Test
    void userMistakesExitWithOneLineAndNoStackTrace() {
        String store = dir.resolve("s.db").toString();
        CliRunner.Result missing = CliRunner.run("runs", "--store", dir.resolve("missing.db").toString(), "--json");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("No store at").doesNotContain("\tat ");

        CliRunner.Result badStatus = CliRunner.run("log", "--store", store, "--experiment", "e", "--status", "DONE");
        assertThat(badStatus.code()).isEqualTo(2);
        assertThat(badStatus.err()).contains("unknown run status 'DONE'");

        CliRunner.Result badMetric = CliRunner.run("log", "--store", store, "--experiment", "e", "--metric", "x=abc");
        assertThat(badMetric.code()).isEqualTo(2);

        CliRunner.Result unknownOption = CliRunner.run("runs", "--bogus");
        assertThat(unknownOption.code()).isEqualTo(2);

        CliRunner.Result unknownRun = CliRunner.run("metric", "--store", store, "--run", "f".repeat(32), "--key", "x");
        CliRunner.run("log", "--store", store, "--experiment", "e");
        unknownRun = CliRunner.run("metric", "--store", store, "--run", "f".repeat(32), "--key", "x");
        assertThat(unknownRun.code()).isEqualTo(1);
        assertThat(unknownRun.err()).contains("No run with id").doesNotContain("\tat ");
    }

    @Test
    void versionNamesCairnAndTheJavaRuntime() {
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("cairn 0.1.0").contains("Java " + System.getProperty("java.version"));
    }
}
