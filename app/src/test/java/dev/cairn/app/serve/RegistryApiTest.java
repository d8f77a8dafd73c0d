package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** registered-models/* and model-versions/* over real HTTP; changes land in Cairn's registry history. */
class RegistryApiTest extends ServerFixture {

    @Test
    void registerModelTransitionStageSetAliasAsMlflowsClientSendsThem() {
        String runId = newRun();
        // mlflow.register_model("runs:/<id>/model", "churn"): create the model, resolve the run's artifact URI,
        // create the version, poll it until READY
        assertThat(api.post("registered-models/create", "{\"name\": \"churn\"}").status()).isEqualTo(200);
        String artifactUri = api.get("runs/get", "run_id", runId).json().at("/run/info/artifact_uri").asText();
        JsonNode v1 = api.post("model-versions/create", "{\"name\": \"churn\", \"source\": \"" + artifactUri
                + "/model\", \"run_id\": \"" + runId + "\"}").json().get("model_version");
        assertThat(v1.get("version").asText()).isEqualTo("1");
        assertThat(v1.get("current_stage").asText()).isEqualTo("None");
        assertThat(v1.get("source").asText()).isEqualTo(artifactUri + "/model");
        assertThat(api.get("model-versions/get", "name", "churn", "version", "1").json()
                .at("/model_version/status").asText()).isEqualTo("READY");
        // register_model again: the model exists (RESOURCE_ALREADY_EXISTS is what the client expects and ignores)
        ApiClient.Reply again = api.post("registered-models/create", "{\"name\": \"churn\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        api.post("model-versions/create", "{\"name\": \"churn\", \"source\": \"s3://b/m\", \"run_id\": \"" + runId
                + "\"}");

        // MlflowClient.transition_model_version_stage("churn", "1", "Production")
        JsonNode moved = api.post("model-versions/transition-stage", "{\"name\": \"churn\", \"version\": \"1\", "
                + "\"stage\": \"Production\", \"archive_existing_versions\": false}").json();
        assertThat(moved.at("/model_version/current_stage").asText()).isEqualTo("Production");
        api.post("model-versions/transition-stage", "{\"name\": \"churn\", \"version\": \"2\", \"stage\": "
                + "\"production\", \"archive_existing_versions\": true}");
        assertThat(store.registry().version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
        // MlflowClient.set_registered_model_alias("churn", "champion", "2")
        assertThat(api.post("registered-models/alias", "{\"name\": \"churn\", \"alias\": \"champion\", "
                + "\"version\": \"2\"}").status()).isEqualTo(200);
        assertThat(api.get("registered-models/alias", "name", "churn", "alias", "champion").json()
                .at("/model_version/version").asText()).isEqualTo("2");

        assertThat(store.registry().history("churn")).extracting(ModelEvent::action).containsExactly(
                EventAction.REGISTER, EventAction.REGISTER, EventAction.PROMOTE, EventAction.PROMOTE,
                EventAction.ARCHIVE, EventAction.SET_ALIAS);
        // Cairn's rollback works on changes made through the API
        store.registry().rollback("churn", Stage.PRODUCTION, store.registry().expectCurrent("churn"),
                ChangeOptions.by("bob"));
        assertThat(api.get("model-versions/get", "name", "churn", "version", "1").json()
                .at("/model_version/current_stage").asText()).isEqualTo("Production");

        JsonNode model = api.get("registered-models/get", "name", "churn").json().get("registered_model");
        assertThat(model.get("aliases").get(0).get("alias").asText()).isEqualTo("champion");
        assertThat(model.get("latest_versions")).hasSize(2);
        JsonNode latest = api.post("registered-models/get-latest-versions", "{\"name\": \"churn\", \"stages\": "
                + "[\"Production\"]}").json().get("model_versions");
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).get("version").asText()).isEqualTo("1");
    }

    @Test
    void modelCrudTagsSearchAndErrors() {
        api.post("registered-models/create", "{\"name\": \"alpha\", \"description\": \"d\", \"tags\": "
                + "[{\"key\": \"team\", \"value\": \"risk\"}]}");
        api.post("registered-models/create", "{\"name\": \"beta\"}");
        assertThat(api.get("registered-models/get", "name", "nope").status()).isEqualTo(404);
        assertThat(api.get("registered-models/get", "name", "nope").errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.get("registered-models/search", "filter", "name LIKE 'al%'").json()
                .at("/registered_models/0/name").asText()).isEqualTo("alpha");
        assertThat(api.get("registered-models/search", "filter", "tags.team = 'risk'").json()
                .get("registered_models")).hasSize(1);
        JsonNode page = api.get("registered-models/search", "max_results", "1").json();
        assertThat(page.get("registered_models")).hasSize(1);
        assertThat(api.get("registered-models/search", "max_results", "1", "page_token",
                page.get("next_page_token").asText()).json().at("/registered_models/0/name").asText())
                .isEqualTo("beta");

        assertThat(api.post("registered-models/rename", "{\"name\": \"beta\", \"new_name\": \"gamma\"}").json()
                .at("/registered_model/name").asText()).isEqualTo("gamma");
        assertThat(api.post("registered-models/rename", "{\"name\": \"gamma\", \"new_name\": \"alpha\"}")
                .errorCode()).isEqualTo("RESOURCE_ALREADY_EXISTS");
        assertThat(api.patch("registered-models/update", "{\"name\": \"gamma\", \"description\": \"new\"}").json()
                .at("/registered_model/description").asText()).isEqualTo("new");
        assertThat(api.post("registered-models/set-tag", "{\"name\": \"gamma\", \"key\": \"k\", \"value\": \"v\"}")
                .status()).isEqualTo(200);
        assertThat(store.registry().requireModel("gamma").tags()).containsEntry("k", "v");
        assertThat(api.delete("registered-models/delete-tag", "{\"name\": \"gamma\", \"key\": \"k\"}").status())
                .isEqualTo(200);
        assertThat(api.delete("registered-models/delete-tag", "{\"name\": \"gamma\", \"key\": \"k\"}").status())
                .isEqualTo(404);
        assertThat(api.delete("registered-models/delete", "{\"name\": \"nope\"}").errorCode())
                .isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.post("registered-models/create", "{\"name\": \" bad \"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void versionUpdateTagsSearchAliasesAndErrors() {
        String runId = newRun();
        api.post("registered-models/create", "{\"name\": \"m\"}");
        api.post("model-versions/create", "{\"name\": \"m\", \"source\": \"s\", \"run_id\": \"" + runId + "\"}");
        assertThat(api.post("model-versions/create", "{\"name\": \"none\", \"source\": \"s\"}").status())
                .isEqualTo(404);
        assertThat(api.post("model-versions/create", "{\"name\": \"m\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.get("model-versions/get", "name", "m", "version", "9").status()).isEqualTo(404);
        assertThat(api.patch("model-versions/update", "{\"name\": \"m\", \"version\": \"1\", \"description\": "
                + "\"first\"}").json().at("/model_version/description").asText()).isEqualTo("first");
        api.post("model-versions/set-tag", "{\"name\": \"m\", \"version\": \"1\", \"key\": \"k\", \"value\": \"v\"}");
        assertThat(store.registry().version("m", 1).tags()).containsEntry("k", "v");
        assertThat(api.delete("model-versions/delete-tag", "{\"name\": \"m\", \"version\": \"1\", \"key\": \"k\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("model-versions/search", "filter", "run_id = '" + runId + "'").json()
                .get("model_versions")).hasSize(1);
        assertThat(api.get("model-versions/search", "filter", "name = 'other'").json().get("model_versions"))
                .isEmpty();
        assertThat(api.post("model-versions/transition-stage", "{\"name\": \"m\", \"version\": \"1\", \"stage\": "
                + "\"Gold\"}").errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("registered-models/alias", "{\"name\": \"m\", \"alias\": \"latest\", \"version\": \"1\"}")
                .errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
        assertThat(api.post("registered-models/alias", "{\"name\": \"m\", \"alias\": \"a\", \"version\": \"5\"}")
                .status()).isEqualTo(404);
        api.post("registered-models/alias", "{\"name\": \"m\", \"alias\": \"a\", \"version\": \"1\"}");
        assertThat(api.delete("registered-models/alias", "{\"name\": \"m\", \"alias\": \"a\"}").status())
                .isEqualTo(200);
        assertThat(api.get("registered-models/alias", "name", "m", "alias", "a").status()).isEqualTo(404);
        assertThat(store.registry().history("m")).extracting(ModelEvent::action)
                .contains(EventAction.SET_ALIAS, EventAction.REMOVE_ALIAS);
        assertThat(api.get("model-versions/get-download-uri", "name", "m", "version", "1").json()
                .get("artifact_uri").asText()).isEqualTo("s");
        assertThat(api.delete("model-versions/delete", "{\"name\": \"m\", \"version\": \"9\"}").errorCode())
                .isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.delete("model-versions/delete", "{\"name\": \"m\", \"version\": \"x\"}").errorCode())
                .isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void deletesAndTransitionToNoneAreRecordedAndRollbackSkipsDeletedVersions() {
        String runId = newRun();
        api.post("registered-models/create", "{\"name\": \"churn\"}");
        for (int v = 1; v <= 3; v++) {
            api.post("model-versions/create", "{\"name\": \"churn\", \"source\": \"s" + v + "\", \"run_id\": \""
                    + runId + "\"}");
            api.post("model-versions/transition-stage", "{\"name\": \"churn\", \"version\": \"" + v
                    + "\", \"stage\": \"Production\", \"archive_existing_versions\": true}");
        }
        api.post("registered-models/alias", "{\"name\": \"churn\", \"alias\": \"champion\", \"version\": \"2\"}");

        // MlflowClient.delete_model_version("churn", "2")
        ApiClient.Reply deleted = api.delete("model-versions/delete", "{\"name\": \"churn\", \"version\": \"2\"}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEmpty();
        ApiClient.Reply gone = api.get("model-versions/get", "name", "churn", "version", "2");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(gone.json().get("message").asText()).isEqualTo("Model Version (name=churn, version=2) not found");
        assertThat(api.get("model-versions/search", "filter", "name = 'churn'").json().get("model_versions"))
                .extracting(n -> n.get("version").asText()).containsExactly("3", "1");
        assertThat(api.get("registered-models/alias", "name", "churn", "alias", "champion").status()).isEqualTo(404);
        assertThat(api.get("registered-models/get", "name", "churn").json().at("/registered_model/aliases"))
                .isEmpty();
        assertThat(api.post("registered-models/get-latest-versions", "{\"name\": \"churn\"}").json()
                .get("model_versions")).extracting(n -> n.get("version").asText()).doesNotContain("2");
        assertThat(api.delete("model-versions/delete", "{\"name\": \"churn\", \"version\": \"2\"}").status())
                .isEqualTo(404);
        ModelEvent event = store.registry().history("churn").get(store.registry().history("churn").size() - 1);
        assertThat(event.action()).isEqualTo(EventAction.DELETE);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.comment()).isEqualTo("through the MLflow API (cairn serve)");
        // Cairn's rollback goes back past the deleted version
        assertThat(store.registry().rollback("churn", Stage.PRODUCTION, store.registry().expectCurrent("churn"),
                ChangeOptions.by("bob")).restoredVersion()).isEqualTo(1);

        // MlflowClient.transition_model_version_stage("churn", "1", "None")
        assertThat(api.post("model-versions/transition-stage", "{\"name\": \"churn\", \"version\": \"1\", "
                + "\"stage\": \"None\"}").json().at("/model_version/current_stage").asText()).isEqualTo("None");
        assertThat(store.registry().history("churn")).last().extracting(ModelEvent::action)
                .isEqualTo(EventAction.UNSTAGE);

        // MlflowClient.delete_registered_model("churn"): gone, and the name can be registered again
        assertThat(api.delete("registered-models/delete", "{\"name\": \"churn\"}").status()).isEqualTo(200);
        assertThat(api.get("registered-models/get", "name", "churn").errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
        assertThat(api.get("model-versions/get", "name", "churn", "version", "1").status()).isEqualTo(404);
        assertThat(api.get("registered-models/search").json().get("registered_models")).isEmpty();
        assertThat(api.get("model-versions/search").json().get("model_versions")).isEmpty();
        assertThat(api.post("registered-models/create", "{\"name\": \"churn\"}").status()).isEqualTo(200);
        assertThat(api.post("model-versions/create", "{\"name\": \"churn\", \"source\": \"s\"}").json()
                .at("/model_version/version").asText()).isEqualTo("1");
        assertThat(store.registry().history("churn")).extracting(ModelEvent::action)
                .containsExactly(EventAction.REGISTER);
    }
}
