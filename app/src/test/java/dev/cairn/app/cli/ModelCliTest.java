package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.app.Main;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Run;
import dev.cairn.store.registry.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path storeFile;
    final List<String> runIds = new ArrayList<>();
    String out;
    String err;

    @BeforeEach
    void createRuns() {
        storeFile = dir.resolve("cairn.db");
        try (TrackingStore store = TrackingStore.open(storeFile)) {
            for (double loss : new double[] {0.30, 0.25, 0.40}) {
                Run run = store.runs().create(NewRun.in("churn"));
                store.metrics().append(run.id(), "val_loss", 1, 1L, loss);
                runIds.add(run.id());
            }
        }
    }

    @Test
    void registerPromoteAliasAndListAsJson() throws Exception {
        assertThat(cairn("model", "register", "--run", runIds.get(0), "--name", "churn", "--user", "ci")).isZero();
        assertThat(out).contains("Registered churn version 1 from run " + runIds.get(0));
        assertThat(cairn("model", "register", "--run", runIds.get(1), "--name", "churn", "--source", "s3://m/2"))
                .isZero();
        assertThat(cairn("model", "promote", "churn", "1", "--stage", "production", "--comment", "first")).isZero();
        assertThat(cairn("model", "promote", "churn", "2", "--stage", "Production", "--archive-existing")).isZero();
        assertThat(out).contains("promoted version 2 (None \u2192 Production)")
                .contains("archived version 1 (Production \u2192 Archived)");
        assertThat(cairn("model", "alias", "churn", "champion", "2")).isZero();

        assertThat(cairn("models", "--json")).isZero();
        JsonNode models = JSON.readTree(out);
        assertThat(models).hasSize(1);
        JsonNode versions = models.get(0).get("versions");
        assertThat(models.get(0).get("name").asText()).isEqualTo("churn");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("stage").asText()).isEqualTo("Archived");
        assertThat(versions.get(0).get("runId").asText()).isEqualTo(runIds.get(0));
        assertThat(versions.get(0).get("source").asText()).isEqualTo("runs:/" + runIds.get(0) + "/model");
        assertThat(versions.get(0).get("status").asText()).isEqualTo("READY");
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("stage").asText()).isEqualTo("Production");
        assertThat(versions.get(1).get("aliases").get(0).asText()).isEqualTo("champion");
        assertThat(versions.get(1).get("source").asText()).isEqualTo("s3://m/2");

        assertThat(cairn("models")).isZero();
        assertThat(out).contains("churn").contains("v2").contains("champion=v2");
    }

    @Test
    void rollbackAndHistoryJson() throws Exception {
        registerAll();
        cairn("model", "promote", "churn", "1", "--stage", "Production");
        cairn("model", "promote", "churn", "2", "--stage", "Production", "--archive-existing");
        assertThat(cairn("model", "rollback", "churn", "--dry-run")).isZero();
        assertThat(out).contains("Would roll back Production of churn from version 2 to version 1");
        assertThat(cairn("model", "rollback", "churn", "--stage", "Production", "--comment", "drift", "--user",
                "oncall")).isZero();
        assertThat(out).contains("oncall rolled back Production from version 2 to version 1");

        assertThat(cairn("model", "history", "churn", "--json")).isZero();
        JsonNode events = JSON.readTree(out);
        assertThat(events.isArray()).isTrue();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("model").asText()).isEqualTo("churn");
        assertThat(last.get("action").asText()).isEqualTo("rollback");
        assertThat(last.get("version").asInt()).isEqualTo(1);
        assertThat(last.get("replacedVersion").asInt()).isEqualTo(2);
        assertThat(last.get("from").asText()).isEqualTo("Archived");
        assertThat(last.get("to").asText()).isEqualTo("Production");
        assertThat(last.get("user").asText()).isEqualTo("oncall");
        assertThat(last.get("comment").asText()).isEqualTo("drift");
        assertThat(last.get("time").asText()).endsWith("Z");
        assertThat(events.get(0).get("action").asText()).isEqualTo("register");

        assertThat(cairn("model", "history", "churn")).isZero();
        assertThat(out).contains("rollback").contains("oncall").contains("drift");
        try (TrackingStore store = TrackingStore.open(storeFile)) {
            assertThat(store.registry().state("churn").holders(Stage.PRODUCTION)).containsExactly(1);
        }
    }

    @Test
    void refusedActionsExitOneWithTheReasonOnStderr() {
        registerAll();
        cairn("model", "rule", "churn", "--metric", "val_loss", "--goal", "min");
        cairn("model", "promote", "churn", "2", "--stage", "Production");

        assertThat(cairn("model", "promote", "churn", "3", "--stage", "Production", "--archive-existing")).isEqualTo(1);
        assertThat(err).contains("Promotion refused").contains("val_loss = 0.4").doesNotContain("Exception");
        assertThat(cairn("model", "promote", "churn", "3", "--stage", "Production", "--force", "--comment", "ok"))
                .isZero();
        assertThat(out).contains("promoted version 3");

        assertThat(cairn("model", "promote", "churn", "1", "--stage", "Production", "--expect-current", "2"))
                .isEqualTo(1);
        assertThat(err).contains("expected Production is held by version 2")
                .contains("it is held by versions 2, 3");

        assertThat(cairn("model", "rollback", "churn", "--alias", "champion")).isEqualTo(1);
        assertThat(err).contains("no version holds alias 'champion'");
        assertThat(cairn("model", "alias", "churn", "latest", "1")).isEqualTo(1);
        assertThat(err).contains("reserved");
        assertThat(cairn("model", "history", "nope")).isEqualTo(1);
        assertThat(err).contains("No registered model named 'nope'");
        assertThat(cairn("model", "promote", "churn", "1", "--stage", "Archived")).isEqualTo(1);
        assertThat(err).contains("archive it instead");
    }

    @Test
    void deleteAVersionThenTheModel() {
        registerAll();
        cairn("model", "promote", "churn", "1", "--stage", "Production");
        cairn("model", "promote", "churn", "2", "--stage", "Production", "--archive-existing");
        cairn("model", "alias", "churn", "champion", "2");

        assertThat(cairn("model", "delete", "churn", "2", "--user", "bob", "--comment", "bad data")).isZero();
        assertThat(out).contains("bob removed alias 'champion' from version 2")
                .contains("bob deleted version 2 (was Production)");
        assertThat(cairn("model", "history", "churn", "--version", "2")).isZero();
        assertThat(out).contains("delete").contains("bad data");
        assertThat(cairn("model", "delete", "churn", "2")).isEqualTo(1);
        assertThat(err).contains("churn has no version 2").doesNotContain("Exception");
        assertThat(cairn("model", "delete", "churn")).isEqualTo(2);
        assertThat(err).contains("--model");

        assertThat(cairn("model", "delete", "churn", "--model")).isZero();
        assertThat(out).contains("deleted the model");
        assertThat(cairn("models")).isZero();
        assertThat(out).doesNotContain("churn");
        assertThat(cairn("model", "register", "--run", runIds.get(0), "--name", "churn")).isZero();
        assertThat(out).contains("Registered churn version 1");
    }

    @Test
    void unstageMovesAVersionBackToNoneAndChecksItsStage() throws Exception {
        registerAll();
        cairn("model", "promote", "churn", "2", "--stage", "Staging");

        assertThat(cairn("model", "unstage", "churn", "2", "--expect-stage", "Production")).isEqualTo(1);
        assertThat(err).contains("Production").doesNotContain("Exception");
        assertThat(cairn("model", "unstage", "churn", "v2", "--user", "bob", "--comment", "not ready")).isZero();
        assertThat(out).contains("bob moved version 2 back to None (Staging \u2192 None)");
        assertThat(cairn("model", "unstage", "churn", "2")).isEqualTo(1);
        assertThat(err).contains("churn version 2 is already None").doesNotContain("Exception");
        assertThat(cairn("model", "unstage", "churn", "9")).isEqualTo(1);
        assertThat(err).contains("9").doesNotContain("Exception");

        assertThat(cairn("model", "history", "churn", "--version", "2", "--json")).isZero();
        JsonNode last = JSON.readTree(out).get(JSON.readTree(out).size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("unstage");
        assertThat(last.get("from").asText()).isEqualTo("Staging");
        assertThat(last.get("to").asText()).isEqualTo("None");
        assertThat(last.get("user").asText()).isEqualTo("bob");
        assertThat(last.get("comment").asText()).isEqualTo("not ready");
        try (TrackingStore store = TrackingStore.open(storeFile)) {
            assertThat(store.registry().state("churn").stageOf(2)).isEqualTo(Stage.NONE);
        }
    }

    @Test
    void archiveAndDeleteRefuseWhenTheVersionIsNotInTheExpectedStage() {
        registerAll();
        cairn("model", "promote", "churn", "1", "--stage", "Production");

        assertThat(cairn("model", "archive", "churn", "1", "--expect-stage", "Staging")).isEqualTo(1);
        assertThat(err).contains("Staging").doesNotContain("Exception");
        assertThat(cairn("model", "delete", "churn", "1", "--expect-stage", "Staging")).isEqualTo(1);
        assertThat(err).contains("Staging").doesNotContain("Exception");
        assertThat(cairn("model", "delete", "churn", "--model", "--expect-stage", "Staging")).isEqualTo(2);
        assertThat(err).contains("--expect-stage");
        try (TrackingStore store = TrackingStore.open(storeFile)) {
            assertThat(store.registry().state("churn").stageOf(1)).isEqualTo(Stage.PRODUCTION);
        }
        assertThat(cairn("model", "delete", "churn", "1", "--expect-stage", "Production")).isZero();
        assertThat(out).contains("deleted version 1");
    }

    private void registerAll() {
        for (String id : runIds) {
            assertThat(cairn("model", "register", "--run", id, "--name", "churn")).isZero();
        }
    }

    private int cairn(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        List<String> all = new ArrayList<>(List.of("--store", storeFile.toString()));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }
}
