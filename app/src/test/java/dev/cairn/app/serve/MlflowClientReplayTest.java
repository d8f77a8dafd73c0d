package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests MLflow's Python client sends (mlflow/tracking/fluent.py, _tracking_service/client.py,
 * store/tracking/rest_store.py), replayed as plain HTTP: the bodies are what RestStore serialises with
 * message_to_json, in the client's order.
 */
class MlflowClientReplayTest extends ServerFixture {

    @Test
    void startRunLogParamsLogMetricsSetTagsEndRun() {
        // mlflow.start_run(run_name="lr-0.1"): RestStore.create_run -> POST runs/create
        ApiClient.Reply created = api.post("runs/create", "{\"experiment_id\": \"0\", \"user_id\": \"alice\", "
                + "\"start_time\": 1700000000000, \"tags\": ["
                + "{\"key\": \"mlflow.user\", \"value\": \"alice\"}, "
                + "{\"key\": \"mlflow.source.name\", \"value\": \"train.py\"}, "
                + "{\"key\": \"mlflow.source.type\", \"value\": \"LOCAL\"}, "
                + "{\"key\": \"mlflow.source.git.commit\", \"value\": \"0123abc\"}, "
                + "{\"key\": \"mlflow.runName\", \"value\": \"lr-0.1\"}], \"run_name\": \"lr-0.1\"}");
        assertThat(created.status()).isEqualTo(200);
        String runId = created.json().at("/run/info/run_id").asText();

        // mlflow.log_params({...}): log_batch with params only
        assertThat(api.post("runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": [], \"params\": ["
                + "{\"key\": \"lr\", \"value\": \"0.1\"}, {\"key\": \"epochs\", \"value\": \"3\"}], \"tags\": []}")
                .status()).isEqualTo(200);
        // mlflow.log_metrics({...}, step=s) for three steps
        for (int step = 0; step < 3; step++) {
            assertThat(api.post("runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": ["
                    + "{\"key\": \"loss\", \"value\": " + (1.0 / (step + 1)) + ", \"timestamp\": "
                    + (1700000001000L + step) + ", \"step\": " + step + "}, "
                    + "{\"key\": \"acc\", \"value\": " + (0.5 + step / 10.0) + ", \"timestamp\": "
                    + (1700000001000L + step) + ", \"step\": " + step + "}], \"params\": [], \"tags\": []}")
                    .status()).isEqualTo(200);
        }
        // mlflow.set_tags({...}): log_batch with tags only
        assertThat(api.post("runs/log-batch", "{\"run_id\": \"" + runId + "\", \"metrics\": [], \"params\": [], "
                + "\"tags\": [{\"key\": \"team\", \"value\": \"risk\"}, {\"key\": \"mlflow.note.content\", "
                + "\"value\": \"baseline\"}]}").status()).isEqualTo(200);
        // mlflow.end_run(): RestStore.update_run_info -> POST runs/update
        ApiClient.Reply ended = api.post("runs/update", "{\"run_id\": \"" + runId + "\", \"run_uuid\": \"" + runId
                + "\", \"status\": \"FINISHED\", \"end_time\": 1700000009000}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().at("/run_info/status").asText()).isEqualTo("FINISHED");

        Run run = store.runs().require(runId);
        assertThat(run.name()).isEqualTo("lr-0.1");
        assertThat(run.user()).isEqualTo("alice");
        assertThat(run.sourceProgram()).isEqualTo("train.py");
        assertThat(run.sourceCommit()).isEqualTo("0123abc");
        assertThat(run.note()).isEqualTo("baseline");
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.endMs()).isEqualTo(1700000009000L);
        assertThat(run.experimentName()).isEqualTo("Default");
        assertThat(store.runs().params(runId)).isEqualTo(Map.of("lr", "0.1", "epochs", "3"));
        assertThat(store.runs().tags(runId)).isEqualTo(Map.of("team", "risk", "mlflow.source.type", "LOCAL"));
        assertThat(store.metrics().read(runId, "loss").steps()).containsExactly(0, 1, 2);
        assertThat(store.metrics().summaries(runId).get("acc").last()).isEqualTo(0.7);

        // what MlflowClient.get_run shows afterwards
        JsonNode got = api.get("runs/get", "run_id", runId).json().get("run");
        assertThat(RunsApiTest.tags(got)).containsEntry("mlflow.note.content", "baseline")
                .containsEntry("mlflow.runName", "lr-0.1").containsEntry("team", "risk");
        assertThat(got.at("/data/metrics")).hasSize(2);
    }
}
