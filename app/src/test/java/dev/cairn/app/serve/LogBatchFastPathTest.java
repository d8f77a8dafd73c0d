package dev.cairn.app.serve;

import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming log-batch decoder ({@link LogBatchDecoder}): a body it accepts is read exactly as the tree path reads
 * it, a body it refuses goes to the tree path, so the API's answers (errors included) do not depend on which path
 * read the body; checked directly on many shapes and over real HTTP against a real store.
 */
class LogBatchFastPathTest extends ServerFixture {
    private static final long NOW = 1_234_567L;

    @Test
    void everyShapeIsStoredExactly() {
        String run = newRun();
        long before = System.currentTimeMillis();
        String body = "{\"extra\": {\"nested\": [1, {\"a\": null}]}, \"metrics\": ["
                + "{\"step\": 3, \"timestamp\": 10, \"value\": 0.1, \"key\": \"loss\"},"
                + "{\"key\": \"acc\", \"value\": 7, \"timestamp\": 11, \"step\": 4, \"ignored\": [true]},"
                + "{\"key\": \"loss\", \"value\": \"NaN\", \"timestamp\": 12, \"step\": 5},"
                + "{\"key\": \"loss\", \"value\": \"-Infinity\", \"timestamp\": null},"
                + "{\"key\": \"acc\", \"value\": 1.5e-3, \"timestamp\": 13, \"step\": -2},"
                + "{\"key\": \"loss\", \"value\": \"Infinity\", \"timestamp\": 14, \"step\": 9223372036854775807}],"
                + " \"tags\": [{\"key\": \"mlflow.runName\", \"value\": \"fast\"}, {\"key\": \"t\", \"value\": \"1\"},"
                + " {\"key\": \"t\", \"value\": \"2\"}, {\"key\": \"empty\"}],"
                + " \"params\": [{\"key\": \"lr\", \"value\": \"0.1\"}, {\"key\": \"lr\", \"value\": \"0.1\"},"
                + " {\"key\": \"none\", \"value\": null}], \"run_id\": \"" + run + "\"}";
        assertThat(LogBatchDecoder.decode(bytes(body), NOW)).isNotNull();

        assertThat(api.post("runs/log-batch", body).status()).isEqualTo(200);
        long after = System.currentTimeMillis();

        MetricSeries loss = store.metrics().read(run, "loss");
        assertThat(loss.steps()).containsExactly(0, 3, 5, Long.MAX_VALUE);
        assertThat(loss.values()).containsExactly(Double.NEGATIVE_INFINITY, 0.1, Double.NaN,
                Double.POSITIVE_INFINITY);
        assertThat(loss.timestamps()[0]).isBetween(before, after);
        assertThat(loss.timestamps()[1]).isEqualTo(10);
        MetricSeries acc = store.metrics().read(run, "acc");
        assertThat(acc.steps()).containsExactly(-2, 4);
        assertThat(acc.values()).containsExactly(1.5e-3, 7.0);
        assertThat(store.runs().params(run)).isEqualTo(Map.of("lr", "0.1", "none", ""));
        assertThat(store.runs().get(run).orElseThrow().name()).isEqualTo("fast");
        assertThat(store.runs().tags(run)).containsEntry("t", "2").containsEntry("empty", "");
    }

    @Test
    void refusedShapesGoToTheTreePathAndAnswerAsIt() {
        String run = newRun();
        List<String> bodies = shapes(run);
        for (String body : bodies) {
            LogBatchDecoder.Decoded fast = LogBatchDecoder.decode(bytes(body), NOW);
            LogBatchDecoder.Decoded tree;
            ApiException treeError = null;
            try {
                tree = RunLogging.fromTree(ApiRequest.ofRaw(bytes(body)), NOW);
            } catch (ApiException e) {
                tree = null;
                treeError = e;
            }
            if (fast != null) {
                assertThat(tree).as(body).isNotNull();
                assertThat(fast.runId()).as(body).isEqualTo(tree.runId());
                assertSame(fast.batch(), tree.batch(), body);
            }
            if (treeError != null) {
                ApiClient.Reply reply = api.post("runs/log-batch", body);
                assertThat(reply.status()).as(body).isEqualTo(treeError.status());
                assertThat(reply.errorCode()).as(body).isEqualTo(treeError.code().name());
                assertThat(reply.json().get("message").asText()).as(body).isEqualTo(treeError.getMessage());
            }
        }
    }

    private static List<String> shapes(String run) {
        String r = "\"run_id\": \"" + run + "\"";
        String many = "{\"key\": \"m\", \"value\": 1}, ".repeat(1000) + "{\"key\": \"m\", \"value\": 1}";
        String manyParams = new StringBuilder().append("{\"key\": \"p0\", \"value\": \"v\"}").append(
                ", {\"key\": \"p\", \"value\": \"v\"}".repeat(100)).toString();
        List<String> out = new ArrayList<>(List.of(
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"timestamp\": 2, \"step\": 3}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}], " + r + "}",
                "{" + r + ", \"metrics\": [" + many + "]}",
                "{" + r + ", \"metrics\": [{\"key\": \"" + "k".repeat(251) + "\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"../x\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}, {\"key\": \"/b\", \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": \"abc\"}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": \" 2.5 \"}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": true}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": null}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\"}]}",
                "{" + r + ", \"metrics\": [{\"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": 5, \"value\": 1}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"timestamp\": 1.5}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"timestamp\": 2.0}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"timestamp\": \"12\"}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"step\": 99999999999999999999}]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1, \"key\": \"b\"}]}",
                "{" + r + ", \"metrics\": {}}",
                "{" + r + ", \"metrics\": [1]}",
                "{" + r + ", \"metrics\": null, \"params\": null, \"tags\": null}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": \"1\"}, {\"key\": \"p\", \"value\": \"2\"}]}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": \"" + "v".repeat(6001) + "\"}]}",
                "{" + r + ", \"params\": [{\"key\": \"p\", \"value\": 5}]}",
                "{" + r + ", \"params\": [" + manyParams + "]}",
                "{" + r + ", \"tags\": [{\"key\": \"t\", \"value\": \"" + "v".repeat(8001) + "\"}]}",
                "{" + r + ", \"tags\": [" + manyParams + "]}",
                "{" + r + ", \"metrics\": [" + "{\"key\": \"m\", \"value\": 1}, ".repeat(950)
                        + "{\"key\": \"m\", \"value\": 1}], \"params\": [" + manyParams.substring(0, 1000) + "]}",
                "{\"metrics\": [{\"key\": \"a\", \"value\": 1}]}",
                "{\"run_id\": \"\", \"metrics\": []}",
                "{\"run_id\": 5}",
                "{\"run_id\": [\"x\"]}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}]} trailing",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}]} {}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}",
                "{" + r + ", \"metrics\": [{\"key\": \"a\", \"value\": 1}], \"x\": [}",
                "[]",
                "null",
                "",
                "   ",
                "{}"));
        return out;
    }

    static void assertSame(RunLogging.Batch fast, RunLogging.Batch tree, String body) {
        assertThat(new ArrayList<>(fast.metrics.keySet())).as(body).isEqualTo(new ArrayList<>(tree.metrics.keySet()));
        for (String key : fast.metrics.keySet()) {
            RunLogging.Points a = fast.metrics.get(key);
            RunLogging.Points b = tree.metrics.get(key);
            assertThat(a.size).as(body).isEqualTo(b.size);
            assertThat(Arrays.copyOf(a.steps, a.size)).as(body).isEqualTo(Arrays.copyOf(b.steps, b.size));
            assertThat(Arrays.copyOf(a.timestamps, a.size)).as(body).isEqualTo(Arrays.copyOf(b.timestamps, b.size));
            assertThat(Arrays.equals(Arrays.copyOf(a.values, a.size), Arrays.copyOf(b.values, b.size))).as(body)
                    .isTrue();
        }
        assertThat(new ArrayList<>(fast.params.entrySet())).as(body).isEqualTo(new ArrayList<>(tree.params.entrySet()));
        assertThat(new ArrayList<>(fast.tags.entrySet())).as(body).isEqualTo(new ArrayList<>(tree.tags.entrySet()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
