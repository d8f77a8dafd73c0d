package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DriftCliTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void model() {
        db = dir.resolve("cairn.db").toString();
        try (TrackingStore store = TrackingStore.open(Path.of(db))) {
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
            store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
            store.registry().promote("churn", 1, Stage.PRODUCTION, Expectation.nothing(), ChangeOptions.by("ann"));
        }
    }

    private Path data(String name, long seed, double shift, double skew) throws IOException {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("x,plan,pred,label\n");
        for (int i = 0; i < 400; i++) {
            double x = r.nextGaussian() + shift;
            String plan = r.nextDouble() < skew ? "pro" : r.nextBoolean() ? "free" : "team";
            String label = x > 0 ? "yes" : "no";
            s.append(x).append(',').append(plan).append(",yes,").append(label).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s);
        return p;
    }

    @Test
    void referenceBatchesReportAndCheck() throws IOException {
        CliRunner.Result ref = CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "1",
                "--prediction", "pred", "--label", "label", data("ref.csv", 1, 0, 0.33).toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        assertThat(ref.out()).contains("Stored the reference for churn v1: 400 rows")
                .contains("x:numeric").contains("pred:boolean/prediction");

        assertThat(CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--time", "2026-03-01",
                data("day1.csv", 2, 0, 0.33).toString()).code()).isZero();
        CliRunner.Result check = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("no drift");

        assertThat(CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--version", "1", "--time",
                "2026-03-02T00:00:00Z", data("day2.csv", 3, 1.5, 0.9).toString()).code()).isZero();
        CliRunner.Result drifted = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(drifted.code()).isEqualTo(1);
        assertThat(drifted.out()).contains("DRIFT").contains("2 of 2 columns drifted").contains("x, plan");

        CliRunner.Result json = CliRunner.run("drift", "report", "--store", db, "--model", "churn", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("model").asText()).isEqualTo("churn");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("batches")).hasSize(2);
        JsonNode day2 = root.get("batches").get(1);
        assertThat(day2.get("time").asText()).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(day2.get("rows").asLong()).isEqualTo(400);
        assertThat(day2.get("datasetDrift").asBoolean()).isTrue();
        assertThat(day2.get("driftShare").asDouble()).isEqualTo(1.0);
        JsonNode x = day2.get("columns").get(0);
        assertThat(x.get("name").asText()).isEqualTo("x");
        assertThat(x.get("type").asText()).isEqualTo("numeric");
        assertThat(x.get("test").asText()).isEqualTo("ks");
        assertThat(x.get("pValue").asDouble()).isEqualTo(x.get("score").asDouble()).isLessThan(0.05);
        assertThat(x.get("threshold").asDouble()).isEqualTo(0.05);
        assertThat(x.get("drifted").asBoolean()).isTrue();
        assertThat(day2.get("columns").get(1).get("test").asText()).isEqualTo("chisquare");
        assertThat(day2.get("columns")).extracting(c -> c.get("name").asText()).containsExactly("x", "plan", "pred");
    }

    @Test
    void distanceTestsHaveANullPValue() throws IOException {
        StringBuilder s = new StringBuilder("x\n");
        for (int i = 0; i < 2000; i++) {
            s.append(i % 97).append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), s);
        CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "2",
                dir.resolve("big.csv").toString());
        CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--version", "2", "--time", "2026-03-01",
                dir.resolve("big.csv").toString());
        CliRunner.Result json = CliRunner.run("drift", "report", "--store", db, "--model", "churn", "--version", "2",
                "--json");
        JsonNode x = new ObjectMapper().readTree(json.out()).get("batches").get(0).get("columns").get(0);
        assertThat(x.get("test").asText()).isEqualTo("wasserstein");
        assertThat(x.get("pValue").isNull()).isTrue();
        assertThat(x.get("score").asDouble()).isZero();
        assertThat(x.get("drifted").asBoolean()).isFalse();
    }

    @Test
    void malformedCsvIsOneLineNamingTheLineAndStoresNothing() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
        CliRunner.Result r = CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "1",
                dir.resolve("bad.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv, line 3").doesNotContain("Exception").doesNotContain("\tat ");
        CliRunner.Result check = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).contains("no reference dataset");
    }

    @Test
    void badTimeAndNoBatchesAreClearErrors() throws IOException {
        CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "1",
                data("ref.csv", 1, 0, 0.3).toString());
        CliRunner.Result noBatch = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(noBatch.code()).isEqualTo(2);
        assertThat(noBatch.err()).contains("no batches");
        CliRunner.Result badTime = CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--time", "monday",
                dir.resolve("ref.csv").toString());
        assertThat(badTime.code()).isEqualTo(1);
        assertThat(badTime.err()).contains("--time 'monday'");
    }
}
