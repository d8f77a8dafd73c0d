package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** experiments/* over real HTTP, shapes and errors as in MLflow's service.proto and handlers.py. */
class ExperimentsApiTest extends ServerFixture {

    @Test
    void createGetByIdAndNameAndRefuseDuplicates() {
        ApiClient.Reply created = api.post("experiments/create",
                "{\"name\": \"churn\", \"tags\": [{\"key\": \"team\", \"value\": \"risk\"}]}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("experiment_id").asText();

        JsonNode e = api.get("experiments/get", "experiment_id", id).json().get("experiment");
        assertThat(e.get("name").asText()).isEqualTo("churn");
        assertThat(e.get("lifecycle_stage").asText()).isEqualTo("active");
        assertThat(e.get("artifact_location").asText()).isEqualTo("mlflow-artifacts:/" + id);
        assertThat(e.get("tags").get(0).get("key").asText()).isEqualTo("team");
        assertThat(e.get("creation_time").asLong()).isPositive();
        assertThat(api.get("experiments/get-by-name", "experiment_name", "churn").json()
                .at("/experiment/experiment_id").asText()).isEqualTo(id);

        ApiClient.Reply dup = api.post("experiments/create", "{\"name\": \"churn\"}");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");

        ApiClient.Reply missing = api.get("experiments/get", "experiment_id", "424242");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.get("experiments/get-by-name", "experiment_name", "nope").status()).isEqualTo(404);
        ApiClient.Reply noName = api.post("experiments/create", "{}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(noName.json().get("message").asText()).contains("'name'");
        ApiClient.Reply longName = api.post("experiments/create", "{\"name\": \"" + "x".repeat(251) + "\"}");
        assertThat(longName.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void experimentZeroIsTheDefaultExperiment() {
        JsonNode e = api.get("experiments/get", "experiment_id", "0").json().get("experiment");
        assertThat(e.get("name").asText()).isEqualTo("Default");
        assertThat(e.get("experiment_id").asText()).isEqualTo("0");
        assertThat(store.experiments().byName("Default")).isPresent();
    }

    @Test
    void updateDeleteRestoreAndSetTag() {
        String id = api.post("experiments/create", "{\"name\": \"a\"}").json().get("experiment_id").asText();
        api.post("experiments/create", "{\"name\": \"taken\"}");
        assertThat(api.post("experiments/update", "{\"experiment_id\": \"" + id + "\", \"new_name\": \"b\"}")
                .status()).isEqualTo(200);
        assertThat(store.experiments().byName("b")).isPresent();
        assertThat(api.post("experiments/update", "{\"experiment_id\": \"" + id + "\", \"new_name\": \"taken\"}")
                .errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");

        assertThat(api.post("experiments/set-experiment-tag",
                "{\"experiment_id\": \"" + id + "\", \"key\": \"k\", \"value\": \"v\"}").status()).isEqualTo(200);
        assertThat(store.experiments().byName("b").orElseThrow().tags()).containsEntry("k", "v");

        assertThat(api.post("experiments/delete", "{\"experiment_id\": \"" + id + "\"}").status()).isEqualTo(200);
        assertThat(api.get("experiments/get", "experiment_id", id).json().at("/experiment/lifecycle_stage").asText())
                .isEqualTo("deleted");
        assertThat(api.post("runs/create", "{\"experiment_id\": \"" + id + "\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("experiments/restore", "{\"experiment_id\": \"" + id + "\"}").status()).isEqualTo(200);
        assertThat(store.experiments().byName("b").orElseThrow().lifecycle().label()).isEqualTo("active");
        assertThat(api.post("experiments/delete", "{\"experiment_id\": \"999\"}").status()).isEqualTo(404);
    }

    @Test
    void searchFiltersOrdersPagesAndViewTypes() {
        for (String n : List.of("alpha", "beta", "gamma", "delta")) {
            api.post("experiments/create", "{\"name\": \"" + n + "\", \"tags\": [{\"key\": \"len\", \"value\": \""
                    + n.length() + "\"}]}");
        }
        String deltaId = store.experiments().byName("delta").orElseThrow().id() + "";
        api.post("experiments/delete", "{\"experiment_id\": \"" + deltaId + "\"}");

        assertThat(names(api.post("experiments/search", "{\"filter\": \"name LIKE '%a'\", "
                + "\"order_by\": [\"name ASC\"]}").json())).containsExactly("alpha", "beta", "gamma");
        assertThat(names(api.post("experiments/search", "{\"filter\": \"tags.len = '4'\"}").json()))
                .containsExactly("beta");
        assertThat(names(api.post("experiments/search", "{\"view_type\": \"DELETED_ONLY\"}").json()))
                .containsExactly("delta");
        assertThat(names(api.post("experiments/search", "{\"view_type\": \"ALL\", \"order_by\": [\"name\"]}")
                .json())).containsExactly("Default", "alpha", "beta", "delta", "gamma");

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.post("experiments/search", "{\"max_results\": 2, \"order_by\": [\"name DESC\"]"
                    + (token == null ? "" : ", \"page_token\": \"" + token + "\"") + "}").json();
            paged.addAll(names(page));
            token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
            pages++;
        } while (token != null);
        assertThat(paged).containsExactly("gamma", "beta", "alpha", "Default");
        assertThat(pages).isEqualTo(2);

        assertThat(api.post("experiments/search", "{\"max_results\": 50001}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("experiments/search", "{\"filter\": \"name = \"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("experiments/search", "{\"page_token\": \"garbage!\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(names(api.get("experiments/list").json())).hasSize(4);
    }

    @Test
    void unknownEndpointsAndMethodsAreMlflowErrors() {
        ApiClient.Reply r = api.get("experiments/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(api.get("experiments/create").status()).isEqualTo(405);
        assertThat(api.send("POST", "/ajax-api/2.0/mlflow/experiments/create", "{\"name\": \"via-ajax\"}").status())
                .isEqualTo(200);
        ApiClient.Reply bad = api.post("experiments/create", "{\"name\": ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("experiments").forEach(e -> out.add(e.get("name").asText()));
        return out;
    }
}
