package dev.cairn.app.serve;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the tracking server's JSON request bodies over real HTTP against a real SQLite store: seeds are bodies of
 * the endpoints that parse the most (log-batch, create, search, registry), spliced and mutated, or raw bytes.
 * Property: every body is answered with 200 or refused as MLflow refuses, a 4xx with {@code error_code} and
 * {@code message}; never a 5xx (an exception the server did not expect).
 */
class RequestBodyFuzzTest {
    private static final String[][] SEEDS = {
        {"runs/log-batch", "{\"run_id\": \"RUN\", \"metrics\": [{\"key\": \"loss\", \"value\": 0.5, \"timestamp\": 1,"
            + " \"step\": 2}, {\"key\": \"acc\", \"value\": \"NaN\", \"timestamp\": 1}], \"params\": [{\"key\": \"lr\","
            + " \"value\": \"0.1\"}], \"tags\": [{\"key\": \"mlflow.runName\", \"value\": \"r\"}]}"},
        {"runs/log-metric", "{\"run_id\": \"RUN\", \"key\": \"acc\", \"value\": \"-Infinity\", \"timestamp\": 1,"
            + " \"step\": 0}"},
        {"runs/log-parameter", "{\"run_uuid\": \"RUN\", \"key\": \"p\", \"value\": \"x\"}"},
        {"runs/set-tag", "{\"run_id\": \"RUN\", \"key\": \"mlflow.parentRunId\", \"value\": \"\"}"},
        {"runs/create", "{\"experiment_id\": \"0\", \"run_name\": \"r\", \"start_time\": 1, \"tags\": [{\"key\":"
            + " \"mlflow.user\", \"value\": \"u\"}, {\"key\": \"mlflow.source.name\", \"value\": \"t.py\"}]}"},
        {"runs/update", "{\"run_id\": \"RUN\", \"status\": \"RUNNING\", \"end_time\": 5, \"run_name\": \"n\"}"},
        {"runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.loss < 1 AND params.lr = '0.1'\","
            + " \"order_by\": [\"metrics.loss ASC\", \"start_time DESC\"], \"max_results\": 5,"
            + " \"run_view_type\": \"ALL\", \"page_token\": \"\"}"},
        {"runs/log-inputs", "{\"run_id\": \"RUN\", \"datasets\": [{\"tags\": [{\"key\": \"mlflow.data.context\","
            + " \"value\": \"train\"}], \"dataset\": {\"name\": \"d\", \"digest\": \"abc\", \"source_type\": \"local\","
            + " \"source\": \"{}\", \"schema\": \"{}\"}}]}"},
        {"experiments/create", "{\"name\": \"e\", \"artifact_location\": \"\", \"tags\": [{\"key\": \"k\","
            + " \"value\": \"v\"}]}"},
        {"experiments/search", "{\"max_results\": 10, \"filter\": \"name LIKE 'e%'\", \"view_type\": \"ALL\","
            + " \"order_by\": [\"name\"]}"},
        {"registered-models/create", "{\"name\": \"m\", \"description\": \"d\", \"tags\": [{\"key\": \"k\","
            + " \"value\": \"v\"}]}"},
        {"model-versions/create", "{\"name\": \"m\", \"source\": \"mlflow-artifacts:/0/RUN/artifacts/model\","
            + " \"run_id\": \"RUN\", \"tags\": []}"},
    };
    private static TrackingStore store;
    private static TrackingServer server;
    private static HttpClient http;
    private static String run;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("serve-fuzz");
        store = TrackingStore.open(dir.resolve("s.db"));
        server = TrackingServer.start(store, ServeOptions.loopback(0, dir.resolve("artifacts")));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        run = new ApiClient(server.uri()).post("runs/create", "{\"experiment_id\": \"0\"}").json()
                .at("/run/info/run_id").asText();
        assertThat(run).hasSize(32);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @FuzzTest(maxDuration = "10s")
    void everyBodyIsAnsweredOrRefusedAsMlflowDoes(FuzzedDataProvider data) throws Exception {
        String[] seed = SEEDS[data.consumeInt(0, SEEDS.length - 1)];
        String endpoint = seed[0];
        String template = seed[1].replace("RUN", run);
        String body = switch (data.consumeInt(0, 2)) {
            case 0 -> template;
            case 1 -> {
                int at = data.consumeInt(0, template.length());
                String inserted = data.consumeString(24);
                yield template.substring(0, at) + inserted
                        + template.substring(Math.min(template.length(), at + data.consumeInt(0, 12)));
            }
            default -> data.consumeRemainingAsString();
        };
        HttpResponse<String> reply;
        try {
            reply = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/2.0/mlflow/" + endpoint))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(endpoint + " " + body + " got no answer: " + e, e);
        }
        int status = reply.statusCode();
        assertThat(status).as("%s %s -> %s", endpoint, body, reply.body()).isIn(200, 400, 404, 413);
        if (status != 200) {
            JsonNode error = MlflowJson.MAPPER.readTree(reply.body());
            assertThat(error.path("error_code").asText()).as(reply.body()).isNotBlank();
            assertThat(error.path("message").asText()).as(reply.body()).isNotBlank();
        }
    }
}
