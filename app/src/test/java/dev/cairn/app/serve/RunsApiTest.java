package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.series.MetricSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** runs/* and metrics/* over real HTTP: shapes, system tags, limits, idempotence, errors. */
class RunsApiTest extends ServerFixture {

    @Test
    void createMapsSystemTagsOntoFieldsAndBack() {
        String parent = newRun();
        JsonNode run = api.post("runs/create", "{\"experiment_id\": \"0\", \"user_id\": \"alice\", \"start_time\": 5,"
                + " \"tags\": [{\"key\": \"mlflow.runName\", \"value\": \"lr-0.1\"},"
                + " {\"key\": \"mlflow.parentRunId\", \"value\": \"" + parent + "\"},"
                + " {\"key\": \"mlflow.source.name\", \"value\": \"train.py\"},"
                + " {\"key\": \"mlflow.source.git.commit\", \"value\": \"abc123\"},"
                + " {\"key\": \"mlflow.source.type\", \"value\": \"LOCAL\"}]}").json().get("run");
        String id = run.at("/info/run_id").asText();
        assertThat(run.at("/info/run_uuid").asText()).isEqualTo(id);
        assertThat(run.at("/info/run_name").asText()).isEqualTo("lr-0.1");
        assertThat(run.at("/info/status").asText()).isEqualTo("RUNNING");
        assertThat(run.at("/info/start_time").asLong()).isEqualTo(5);
        assertThat(run.at("/info/experiment_id").asText()).isEqualTo("0");
        assertThat(run.at("/info/lifecycle_stage").asText()).isEqualTo("active");
        assertThat(run.at("/info/artifact_uri").asText()).isEqualTo("mlflow-artifacts:/0/" + id + "/artifacts");

        Run stored = store.runs().require(id);
        assertThat(stored.name()).isEqualTo("lr-0.1");
        assertThat(stored.user()).isEqualTo("alice");
        assertThat(stored.parentId()).isEqualTo(parent);
        assertThat(stored.sourceProgram()).isEqualTo("train.py");
        assertThat(stored.sourceCommit()).isEqualTo("abc123");
        assertThat(store.runs().tags(id)).containsOnlyKeys("mlflow.source.type");

        Map<String, String> tags = tags(api.get("runs/get", "run_id", id).json().get("run"));
        assertThat(tags).containsEntry("mlflow.runName", "lr-0.1").containsEntry("mlflow.user", "alice")
                .containsEntry("mlflow.parentRunId", parent).containsEntry("mlflow.source.name", "train.py")
                .containsEntry("mlflow.source.git.commit", "abc123").containsEntry("mlflow.source.type", "LOCAL");

        // a run Cairn wrote itself looks right to MLflow too
        store.runs().rename(parent, "sweep");
        assertThat(tags(api.get("runs/get", "run_uuid", parent).json().get("run")))
                .containsEntry("mlflow.runName", "sweep");
        assertThat(api.post("runs/set-tag", "{\"run_id\": \"" + id + "\", \"key\": \"mlflow.runName\", "
                + "\"value\": \"renamed\"}").status()).isEqualTo(200);
        assertThat(store.runs().require(id).name()).isEqualTo("renamed");
        assertThat(api.post("runs/create", "{\"experiment_id\": \"0\", \"tags\": [{\"key\": \"mlflow.parentRunId\","
                + " \"value\": \"" + "f".repeat(32) + "\"}]}").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/create", "{\"experiment_id\": \"77\"}").status()).isEqualTo(404);
    }

    @Test
    void aRunCreatedWithoutANameGetsAGeneratedOneLikeMlflow() {
        JsonNode run = api.post("runs/create", "{\"experiment_id\": \"0\"}").json().get("run");
        String id = run.at("/info/run_id").asText();
        String name = run.at("/info/run_name").asText();
        assertThat(name).matches("[a-z]+-[a-z]+-\\d{1,3}");
        assertThat(tags(run)).containsEntry("mlflow.runName", name);
        assertThat(store.runs().require(id).name()).isEqualTo(name);
        assertThat(tags(api.get("runs/get", "run_id", id).json().get("run"))).containsEntry("mlflow.runName", name);

        // a name given either way is kept; given both ways it must agree, as MLflow's server demands
        assertThat(api.post("runs/create", "{\"experiment_id\": \"0\", \"run_name\": \"mine\"}").json()
                .at("/run/info/run_name").asText()).isEqualTo("mine");
        assertThat(api.post("runs/create", "{\"experiment_id\": \"0\", \"run_name\": \"a\", \"tags\": "
                + "[{\"key\": \"mlflow.runName\", \"value\": \"a\"}]}").status()).isEqualTo(200);
        ApiClient.Reply clash = api.post("runs/create", "{\"experiment_id\": \"0\", \"run_name\": \"a\", "
                + "\"tags\": [{\"key\": \"mlflow.runName\", \"value\": \"b\"}]}");
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void getUpdateDeleteRestore() {
        String id = newRun();
        ApiClient.Reply missing = api.get("runs/get", "run_id", "0".repeat(32));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.get("runs/get").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        JsonNode info = api.post("runs/update", "{\"run_id\": \"" + id + "\", \"status\": \"FINISHED\", "
                + "\"end_time\": 9000, \"run_name\": \"done\"}").json().get("run_info");
        assertThat(info.get("status").asText()).isEqualTo("FINISHED");
        assertThat(info.get("end_time").asLong()).isEqualTo(9000);
        assertThat(info.get("run_name").asText()).isEqualTo("done");
        assertThat(store.runs().require(id).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(api.post("runs/update", "{\"run_id\": \"" + id + "\", \"status\": \"DONE\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");

        assertThat(api.post("runs/delete", "{\"run_id\": \"" + id + "\"}").status()).isEqualTo(200);
        assertThat(api.get("runs/get", "run_id", id).json().at("/run/info/lifecycle_stage").asText())
                .isEqualTo("deleted");
        ApiClient.Reply onDeleted = api.post("runs/log-parameter", "{\"run_id\": \"" + id + "\", \"key\": \"a\", "
                + "\"value\": \"1\"}");
        assertThat(onDeleted.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(onDeleted.json().get("message").asText()).contains("must be in the 'active' state");
        assertThat(api.post("runs/restore", "{\"run_id\": \"" + id + "\"}").status()).isEqualTo(200);
        assertThat(api.post("runs/delete", "{\"run_id\": \"" + "0".repeat(32) + "\"}").status()).isEqualTo(404);
    }

    @Test
    void logMetricParamTagAndParamIdempotence() {
        String id = newRun();
        assertThat(api.post("runs/log-metric", "{\"run_id\": \"" + id + "\", \"key\": \"loss\", \"value\": 0.5, "
                + "\"timestamp\": 10, \"step\": 1}").status()).isEqualTo(200);
        assertThat(api.post("runs/log-metric", "{\"run_id\": \"" + id + "\", \"key\": \"loss\", \"value\": \"NaN\","
                + " \"timestamp\": 11, \"step\": 2}").status()).isEqualTo(200);
        MetricSeries s = store.metrics().read(id, "loss");
        assertThat(s.steps()).containsExactly(1, 2);
        assertThat(s.values()[0]).isEqualTo(0.5);
        assertThat(s.values()[1]).isNaN();
        assertThat(api.post("runs/log-metric", "{\"run_id\": \"" + id + "\", \"key\": \"loss\", \"value\": \"x\","
                + " \"timestamp\": 11}").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/log-metric", "{\"run_id\": \"" + id + "\", \"key\": \"loss\", \"timestamp\": 1}")
                .errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        String param = "{\"run_id\": \"" + id + "\", \"key\": \"lr\", \"value\": \"0.1\"}";
        assertThat(api.post("runs/log-parameter", param).status()).isEqualTo(200);
        assertThat(api.post("runs/log-parameter", param).status()).isEqualTo(200);
        ApiClient.Reply changed = api.post("runs/log-parameter", "{\"run_id\": \"" + id + "\", \"key\": \"lr\", "
                + "\"value\": \"0.2\"}");
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(changed.json().get("message").asText()).contains("Changing param values is not allowed");
        assertThat(store.runs().params(id)).containsExactly(Map.entry("lr", "0.1"));

        assertThat(api.post("runs/set-tag", "{\"run_id\": \"" + id + "\", \"key\": \"t\", \"value\": \"v\"}")
                .status()).isEqualTo(200);
        assertThat(store.runs().tags(id)).containsEntry("t", "v");
        assertThat(api.post("runs/delete-tag", "{\"run_id\": \"" + id + "\", \"key\": \"t\"}").status())
                .isEqualTo(200);
        assertThat(store.runs().tags(id)).doesNotContainKey("t");
        assertThat(api.post("runs/delete-tag", "{\"run_id\": \"" + id + "\", \"key\": \"t\"}").status())
                .isEqualTo(404);

        JsonNode data = api.get("runs/get", "run_id", id).json().at("/run/data");
        assertThat(data.get("metrics").get(0).get("key").asText()).isEqualTo("loss");
        assertThat(data.get("metrics").get(0).get("value").asText()).isEqualTo("NaN");
        assertThat(data.get("metrics").get(0).get("step").asLong()).isEqualTo(2);
        assertThat(data.get("params").get(0).get("value").asText()).isEqualTo("0.1");
    }

    @Test
    void logBatchLimitsAndAllOrNothing() {
        String id = newRun();
        assertThat(api.post("runs/log-batch", batch(id, 1000, 0, 0)).status()).isEqualTo(200);
        assertThat(api.post("runs/log-batch", batch(id, 0, 100, 100)).status()).isEqualTo(200);
        assertThat(store.metrics().read(id, "m").size()).isEqualTo(1000);
        assertThat(store.runs().params(id)).hasSize(100);
        assertThat(store.runs().tags(id)).hasSize(100);

        String other = newRun();
        assertThat(api.post("runs/log-batch", batch(other, 1001, 0, 0)).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/log-batch", batch(other, 0, 101, 0)).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/log-batch", batch(other, 0, 0, 101)).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/log-batch", batch(other, 950, 50, 50)).json().get("message").asText())
                .contains("at most 1000 total");
        String longKey = "{\"run_id\": \"" + other + "\", \"params\": [{\"key\": \"" + "k".repeat(251)
                + "\", \"value\": \"v\"}]}";
        assertThat(api.post("runs/log-batch", longKey).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        String longValue = "{\"run_id\": \"" + other + "\", \"params\": [{\"key\": \"k\", \"value\": \""
                + "v".repeat(6001) + "\"}]}";
        assertThat(api.post("runs/log-batch", longValue).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        String longTag = "{\"run_id\": \"" + other + "\", \"tags\": [{\"key\": \"k\", \"value\": \""
                + "v".repeat(8001) + "\"}]}";
        assertThat(api.post("runs/log-batch", longTag).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/log-batch", "{\"run_id\": \"" + other + "\", \"params\": [{\"key\": \"../x\", "
                + "\"value\": \"v\"}]}").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        // a param conflict refuses the whole batch: its metrics are not written either
        String conflict = "{\"run_id\": \"" + id + "\", \"metrics\": [{\"key\": \"late\", \"value\": 1, "
                + "\"timestamp\": 1, \"step\": 0}], \"params\": [{\"key\": \"p0\", \"value\": \"changed\"}]}";
        assertThat(api.post("runs/log-batch", conflict).errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(store.metrics().read(id, "late").isEmpty()).isTrue();
        assertThat(store.metrics().read(other, "m").isEmpty()).isTrue();
        assertThat(api.post("runs/log-batch", batch("0".repeat(32), 1, 0, 0)).status()).isEqualTo(404);
    }

    @Test
    void logInputsAreStoredAndShown() {
        String id = newRun();
        assertThat(api.post("runs/log-inputs", "{\"run_id\": \"" + id + "\", \"datasets\": [{\"tags\": [{\"key\": "
                + "\"mlflow.data.context\", \"value\": \"training\"}], \"dataset\": {\"name\": \"iris\", \"digest\": "
                + "\"d1\", \"source_type\": \"local\", \"source\": \"iris.csv\", \"schema\": \"{}\"}}]}").status())
                .isEqualTo(200);
        assertThat(store.runs().inputs(id)).hasSize(1);
        assertThat(store.runs().inputs(id).get(0).context()).isEqualTo("training");
        JsonNode in = api.get("runs/get", "run_id", id).json().at("/run/inputs/dataset_inputs/0");
        assertThat(in.at("/dataset/name").asText()).isEqualTo("iris");
        assertThat(in.at("/tags/0/value").asText()).isEqualTo("training");
        assertThat(api.post("runs/log-inputs", "{\"run_id\": \"" + id + "\", \"datasets\": [{\"dataset\": "
                + "{\"name\": \"x\"}}]}").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");

        // runs/search shows them too, as MLflow's does; a run without inputs has an empty list
        String plain = newRun();
        JsonNode found = api.post("runs/search", "{\"experiment_ids\": [\"0\"]}").json().get("runs");
        Map<String, JsonNode> byId = new HashMap<>();
        found.forEach(r -> byId.put(r.at("/info/run_id").asText(), r));
        assertThat(byId.get(id).at("/inputs/dataset_inputs")).hasSize(1);
        assertThat(byId.get(id).at("/inputs/dataset_inputs/0/dataset/name").asText()).isEqualTo("iris");
        assertThat(byId.get(id).at("/inputs/dataset_inputs/0/tags/0/value").asText()).isEqualTo("training");
        assertThat(byId.get(plain).at("/inputs/dataset_inputs").isArray()).isTrue();
        assertThat(byId.get(plain).at("/inputs/dataset_inputs")).isEmpty();
    }

    @Test
    void searchFiltersOrdersPagesAndViewTypes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = api.post("runs/create", "{\"experiment_id\": \"0\", \"start_time\": " + (1000 + i)
                    + ", \"run_name\": \"r" + i + "\"}").json().at("/run/info/run_id").asText();
            api.post("runs/log-batch", "{\"run_id\": \"" + id + "\", \"metrics\": [{\"key\": \"acc\", \"value\": "
                    + (i / 10.0) + ", \"timestamp\": 1, \"step\": 0}], \"params\": [{\"key\": \"lr\", \"value\": \""
                    + (i % 2 == 0 ? "0.1" : "0.01") + "\"}]}");
            ids.add(id);
        }
        api.post("runs/delete", "{\"run_id\": \"" + ids.get(6) + "\"}");

        assertThat(names(api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"params.lr = '0.1' "
                + "and metrics.acc > 0.1\", \"order_by\": [\"metrics.acc DESC\"]}").json()))
                .containsExactly("r4", "r2");
        assertThat(names(api.post("runs/search", "{\"experiment_ids\": [\"0\"]}").json()))
                .containsExactly("r5", "r4", "r3", "r2", "r1", "r0");
        assertThat(names(api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"run_view_type\": "
                + "\"DELETED_ONLY\"}").json())).containsExactly("r6");
        assertThat(names(api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"run_view_type\": \"ALL\", "
                + "\"order_by\": [\"attributes.start_time ASC\"]}").json()))
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6");
        assertThat(names(api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": "
                + "\"tags.mlflow.runName = 'r3'\"}").json())).containsExactly("r3");

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"max_results\": 4"
                    + (token == null ? "" : ", \"page_token\": \"" + token + "\"") + "}").json();
            paged.addAll(names(page));
            token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
        } while (token != null);
        assertThat(paged).containsExactly("r5", "r4", "r3", "r2", "r1", "r0");

        ApiClient.Reply bad = api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.acc >\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/search", "{\"experiment_ids\": [\"0\"], \"page_token\": \"bm9wZQ\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("runs/search", "{\"max_results\": 50001}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void metricHistoryPagesAndBulkIntervalSamples() {
        String id = newRun();
        StringBuilder b = new StringBuilder("{\"run_id\": \"" + id + "\", \"metrics\": [");
        for (int i = 0; i < 1000; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\": \"loss\", \"value\": ").append(1000 - i)
                    .append(", \"timestamp\": ").append(100 + i).append(", \"step\": ").append(i).append('}');
        }
        api.post("runs/log-batch", b.append("]}").toString());

        JsonNode all = api.get("metrics/get-history", "run_id", id, "metric_key", "loss").json();
        assertThat(all.get("metrics")).hasSize(1000);
        assertThat(all.has("next_page_token")).isFalse();
        assertThat(all.at("/metrics/999/step").asLong()).isEqualTo(999);
        assertThat(all.at("/metrics/0/timestamp").asLong()).isEqualTo(100);

        List<Long> steps = new ArrayList<>();
        String token = null;
        do {
            List<String> args = new ArrayList<>(List.of("run_id", id, "metric_key", "loss", "max_results", "300"));
            if (token != null) {
                args.addAll(List.of("page_token", token));
            }
            JsonNode page = api.get("metrics/get-history", args.toArray(String[]::new)).json();
            page.get("metrics").forEach(m -> steps.add(m.get("step").asLong()));
            token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
        } while (token != null);
        assertThat(steps).hasSize(1000).isSorted();

        JsonNode bulk = api.get("metrics/get-history-bulk-interval", "run_ids", id, "metric_key", "loss",
                "max_results", "10").json().get("metrics");
        assertThat(bulk.size()).isBetween(10, 11);
        assertThat(bulk.get(0).get("step").asLong()).isEqualTo(0);
        assertThat(bulk.get(bulk.size() - 1).get("step").asLong()).isEqualTo(999);
        assertThat(bulk.get(0).get("run_id").asText()).isEqualTo(id);
        JsonNode ranged = api.get("metrics/get-history-bulk-interval", "run_ids", id, "metric_key", "loss",
                "start_step", "100", "end_step", "199", "max_results", "2500").json().get("metrics");
        assertThat(ranged).hasSize(100);
        assertThat(ranged.get(0).get("step").asLong()).isEqualTo(100);
        assertThat(api.get("metrics/get-history-bulk-interval", "run_ids", id, "metric_key", "loss",
                "start_step", "5").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.get("metrics/get-history-bulk-interval", "run_ids", id, "metric_key", "loss",
                "max_results", "2501").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        String[] many = new String[2 * 101 + 2];
        for (int i = 0; i < 101; i++) {
            many[2 * i] = "run_ids";
            many[2 * i + 1] = id;
        }
        many[202] = "metric_key";
        many[203] = "loss";
        assertThat(api.get("metrics/get-history-bulk-interval", many).errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.get("metrics/get-history", "run_id", "0".repeat(32), "metric_key", "loss").status())
                .isEqualTo(404);
    }

    static String batch(String runId, int metrics, int params, int tags) {
        StringBuilder b = new StringBuilder("{\"run_id\": \"" + runId + "\", \"metrics\": [");
        for (int i = 0; i < metrics; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\": \"m\", \"value\": ").append(i * 0.5)
                    .append(", \"timestamp\": 1700000000000, \"step\": ").append(i).append('}');
        }
        b.append("], \"params\": [");
        for (int i = 0; i < params; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\": \"p").append(i).append("\", \"value\": \"").append(i)
                    .append("\"}");
        }
        b.append("], \"tags\": [");
        for (int i = 0; i < tags; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\": \"t").append(i).append("\", \"value\": \"v\"}");
        }
        return b.append("]}").toString();
    }

    static Map<String, String> tags(JsonNode run) {
        Map<String, String> out = new HashMap<>();
        run.at("/data/tags").forEach(t -> out.put(t.get("key").asText(), t.get("value").asText()));
        return out;
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        JsonNode runs = page.get("runs");
        if (runs != null) {
            runs.forEach(r -> out.add(r.at("/info/run_name").asText()));
        }
        return out;
    }
}
