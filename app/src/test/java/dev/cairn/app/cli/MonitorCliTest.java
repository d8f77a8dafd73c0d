package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.Expectation;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorCliTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void model() {
        db = dir.resolve("cairn.db").toString();
        try (TrackingStore store = TrackingStore.open(Path.of(db))) {
            for (int i = 0; i < 3; i++) {
                store.registry().register(NewModelVersion.of("churn"), ChangeOptions.by("ann"));
            }
            store.registry().promote("churn", 2, Stage.PRODUCTION, Expectation.nothing(), ChangeOptions.by("ann"));
        }
    }

    /** A labelled batch: v2's predictions are wrong with {@code southError} in the south, 10% elsewhere; v3 5%. */
    private Path batch(String name, long seed, double southError) throws IOException {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("tenure,region,churned,prediction,score,prediction@3,score@3\n");
        for (int i = 0; i < 300; i++) {
            String region = i % 3 == 0 ? "south" : i % 3 == 1 ? "north" : "east";
            int label = r.nextDouble() < 0.4 ? 1 : 0;
            int p2 = r.nextDouble() < (region.equals("south") ? southError : 0.1) ? 1 - label : label;
            int p3 = r.nextDouble() < 0.05 ? 1 - label : label;
            double s2 = Math.min(0.99, Math.max(0.01, p2 * 0.7 + r.nextDouble() * 0.3));
            double s3 = Math.min(0.99, Math.max(0.01, p3 * 0.7 + r.nextDouble() * 0.3));
            s.append(r.nextInt(60)).append(',').append(region).append(',').append(label).append(',').append(p2)
                    .append(',').append(s2).append(',').append(p3).append(',').append(s3).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, s);
        return p;
    }

    private CliRunner.Result addBatch(String time, Path file) {
        return CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--time", time, "--label", "churned",
                "--prediction", "prediction", "--score", "score", "--segment", "region", file.toString());
    }

    @Test
    void batchesAreScoredPerSliceAndReportedAsJson() throws IOException {
        CliRunner.Result stored = addBatch("2026-03-01", batch("d1.csv", 1, 0.1));
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("prediction v2 (classification, positive 1): 300 of 300 rows labelled")
                .contains("region=south: 100 rows").contains("gaps over region").contains("v2 vs v3: mcnemar p = ");

        CliRunner.Result report = CliRunner.run("monitor", "report", "--store", db, "--model", "churn", "--json");
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.out());
        assertThat(fields(json)).containsExactly("model", "version", "batches");
        assertThat(json.get("version").asInt()).isEqualTo(2);
        JsonNode b = json.get("batches").get(0);
        assertThat(fields(b)).containsExactly("time", "rows", "labelled", "metrics", "slices", "sliceGaps");
        assertThat(b.get("time").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(b.get("rows").asLong()).isEqualTo(300);
        assertThat(b.get("labelled").asLong()).isEqualTo(300);
        assertThat(fields(b.get("metrics"))).containsExactly("accuracy", "precision", "recall", "f1", "rocAuc", "logLoss");
        assertThat(fields(b.get("slices").get("region"))).containsExactly("east", "north", "south");
        JsonNode south = b.get("slices").get("region").get("south");
        assertThat(fields(south)).containsExactly("rows", "metrics");
        assertThat(south.get("rows").asLong()).isEqualTo(100);
        assertThat(fields(b.get("sliceGaps").get("region"))).contains("accuracy", "demographicParity",
                "equalOpportunity");

        CliRunner.Result compare = CliRunner.run("monitor", "compare", "--store", db, "--model", "churn", "--json");
        JsonNode c = new ObjectMapper().readTree(compare.out()).get("batches").get(0);
        assertThat(fields(c.get("versions"))).containsExactly("2", "3");
        assertThat(c.get("tests").get(0).get("test").asText()).isEqualTo("mcnemar");
        assertThat(c.get("tests").get(0).get("pValue").asDouble()).isBetween(0.0, 1.0);
    }

    /** Reference rows like {@link #batch}'s features, but every model output near 0 and no churn. */
    private Path reference() throws IOException {
        Random r = new Random(99);
        StringBuilder s = new StringBuilder("tenure,region,churned,prediction,score,prediction@3,score@3\n");
        for (int i = 0; i < 600; i++) {
            String region = i % 3 == 0 ? "south" : i % 3 == 1 ? "north" : "east";
            s.append(r.nextInt(60)).append(',').append(region).append(",0,0,").append(0.01 + r.nextDouble() * 0.1)
                    .append(",0,").append(0.01 + r.nextDouble() * 0.1).append('\n');
        }
        Path p = dir.resolve("reference.csv");
        Files.writeString(p, s);
        return p;
    }

    @Test
    void labelPredictionScoreAndChallengerColumnsDoNotCountAsDriftedFeatures() throws IOException {
        CliRunner.Result ref = CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "2",
                reference().toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        assertThat(ref.out()).as("no roles given for the reference").contains("score:numeric, prediction@3:numeric");

        CliRunner.Result stored = addBatch("2026-03-01", batch("d1.csv", 1, 0.1));
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("churned:numeric/label, prediction:numeric/prediction, score:numeric/score, "
                + "prediction@3:numeric/prediction, score@3:numeric/score");

        CliRunner.Result report = CliRunner.run("drift", "report", "--store", db, "--model", "churn", "--json");
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode b = new ObjectMapper().readTree(report.out()).get("batches").get(0);
        List<String> columns = new ArrayList<>();
        b.get("columns").forEach(c -> columns.add(c.get("name").asText() + "=" + c.get("drifted").asBoolean()));
        assertThat(columns).as("the label is not tested; the outputs drifted")
                .containsExactly("tenure=false", "region=false", "prediction=true", "score=true", "prediction@3=true",
                        "score@3=true");
        assertThat(b.get("driftShare").asDouble()).as("outputs are not features").isZero();
        assertThat(b.get("datasetDrift").asBoolean()).isFalse();

        CliRunner.Result check = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("no drift, 0 of 2 columns drifted (0%); prediction drifted: prediction, score, "
                + "prediction@3, score@3");
    }

    @Test
    void aBatchWithoutRolesTakesTheReferencesPredictionLabelAndScore() throws IOException {
        CliRunner.Result ref = CliRunner.run("drift", "reference", "--store", db, "--model", "churn", "--version", "2",
                "--label", "churned", "--prediction", "prediction", "--score", "score", reference().toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        CliRunner.Result stored = CliRunner.run("drift", "batch", "--store", db, "--model", "churn", "--time",
                "2026-03-01", batch("d1.csv", 1, 0.1).toString());
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("score:numeric/score, prediction@3:numeric/prediction, score@3:numeric/score")
                .contains("prediction v2 (classification, positive 1): 300 of 300 rows labelled").contains("rocAuc")
                .contains("v2 vs v3: mcnemar p = ");
        CliRunner.Result check = CliRunner.run("drift", "check", "--store", db, "--model", "churn");
        assertThat(check.out()).contains("0 of 2 columns drifted");
    }

    @Test
    void rulesRaiseAlertsOncePerBatchAndCheckRunsTheTriggerOncePerNewAlert() throws IOException {
        CliRunner.Result none = CliRunner.run("monitor", "check", "--store", db, "--model", "churn");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("churn v2 has no labelled batch yet");

        CliRunner.Result add = CliRunner.run("monitor", "rule", "add", "--store", db, "--model", "churn", "--metric",
                "accuracy", "--below", "0.85", "--for", "2");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added rule 1 to churn: accuracy below 0.85 for 2 batches");
        assertThat(add.out()).as("evaluated at once, nothing to evaluate yet")
                .contains("No batch yet: the rule is evaluated on each new batch.");
        assertThat(CliRunner.run("monitor", "rule", "add", "--store", db, "--model", "churn", "--slice-gap", "region",
                "--metric", "equalOpportunity", "--above", "0.9").code()).isZero();
        CliRunner.Result bad = CliRunner.run("monitor", "rule", "add", "--store", db, "--model", "churn", "--metric",
                "acuracy", "--below", "0.8");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown metric 'acuracy'");

        assertThat(addBatch("2026-03-01", batch("d1.csv", 1, 0.6)).code()).isZero();
        CliRunner.Result first = CliRunner.run("monitor", "check", "--store", db, "--model", "churn");
        assertThat(first.code()).as("one bad batch is not two").isZero();
        assertThat(first.out()).contains("no alert");

        CliRunner.Result second = addBatch("2026-03-02", batch("d2.csv", 2, 0.6));
        assertThat(second.out()).contains("ALERT accuracy is");
        Path sink = dir.resolve("alerts.jsonl");
        String hook = "cat >> '" + sink + "'";
        CliRunner.Result check = CliRunner.run("monitor", "check", "--store", db, "--model", "churn", "--json",
                "--on-alert", hook);
        assertThat(check.code()).as(check.err()).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(check.out());
        assertThat(result.get("alert").asBoolean()).isTrue();
        assertThat(result.get("alerts").get(0).get("rule").get("metric").asText()).isEqualTo("accuracy");
        assertThat(Files.readString(sink)).contains("\"model\" : \"churn\"").contains("\"batch\" : \"2026-03-02T00:00:00Z\"");
        assertThat(occurrences(Files.readString(sink), "\"raisedAt\"")).isEqualTo(1);

        CliRunner.Result again = CliRunner.run("monitor", "check", "--store", db, "--model", "churn", "--on-alert", hook);
        assertThat(again.code()).isEqualTo(1);
        assertThat(occurrences(Files.readString(sink), "\"raisedAt\"")).as("once per new alert").isEqualTo(1);

        try (TrackingStore store = TrackingStore.open(Path.of(db))) {
            assertThat(store.registry().history("churn").stream().filter(e -> e.action() == EventAction.ALERT))
                    .singleElement().satisfies(e -> assertThat(e.version()).isEqualTo(2));
        }
        CliRunner.Result list = CliRunner.run("monitor", "rule", "list", "--store", db, "--model", "churn");
        assertThat(list.out()).contains("accuracy below 0.85 for 2 batches").contains("slice gap of equalOpportunity");
        assertThat(CliRunner.run("monitor", "rule", "remove", "--store", db, "--model", "churn", "1").code()).isZero();
        assertThat(CliRunner.run("monitor", "check", "--store", db, "--model", "churn").code()).isZero();
    }

    @Test
    void watchRunsTheTriggerForANewBatch() throws Exception {
        assertThat(addBatch("2026-03-01", batch("d1.csv", 1, 0.1)).code()).isZero();
        CliRunner.Result add = CliRunner.run("monitor", "rule", "add", "--store", db, "--model", "churn", "--metric",
                "accuracy", "--below", "0.8");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Does not hold on the newest batch of v2 (2026-03-01T00:00:00Z).");
        Path sink = dir.resolve("watched.jsonl");
        List<CliRunner.Result> results = new ArrayList<>();
        Thread watcher = new Thread(() -> results.add(CliRunner.run("monitor", "watch", "--store", db, "--model",
                "churn", "--interval", "0.05", "--on-alert", "cat >> '" + sink + "'")));
        watcher.start();
        try {
            CliRunner.Result added = addBatch("2026-03-02", batch("d2.csv", 2, 0.9));
            assertThat(added.code()).as(added.err()).isZero();
            awaitTrue(() -> Files.exists(sink) && readQuietly(sink).contains("2026-03-02T00:00:00Z"));
        } finally {
            watcher.interrupt();
            watcher.join(120_000);
        }
        assertThat(watcher.isAlive()).as("the watcher stopped when interrupted").isFalse();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("watching churn v2").contains("watch stopped");
        });
        assertThat(occurrences(Files.readString(sink), "\"raisedAt\"")).isEqualTo(1);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits (with a generous deadline, not a speed assertion) for the watcher to have done its work. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
