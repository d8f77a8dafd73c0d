package dev.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.store.StoreLocation;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.internal.sql.PostgresTestDatabases;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a PostgreSQL team store: --store URI, store info, store copy, and one-line errors. */
class TeamStoreCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestStores postgres;

    @BeforeEach
    void server() {
        postgres = new TestStores(Backend.POSTGRESQL, dir);
    }

    @AfterEach
    void close() {
        postgres.close();
    }

    @Test
    void logRunsInfoAndCopyOnATeamStore() throws Exception {
        String store = postgres.argument("team");
        CliRunner.Result logged = CliRunner.run("log", "--store", store, "--experiment", "churn", "--param", "lr=0.1",
                "--metric", "loss=0.5@1", "--metric", "loss=0.25@2");
        assertThat(logged.code()).as(logged.err()).isZero();
        String runId = logged.out().strip();

        CliRunner.Result runs = CliRunner.run("runs", "--store", store, "--json");
        assertThat(runs.code()).as(runs.err()).isZero();
        JsonNode run = JSON.readTree(runs.out()).get(0);
        assertThat(run.get("id").asText()).isEqualTo(runId);
        assertThat(run.get("metrics").get("loss").get("last").asDouble()).isEqualTo(0.25);

        CliRunner.Result info = CliRunner.run("store", "info", "--store", store, "--json");
        assertThat(info.code()).as(info.err()).isZero();
        JsonNode i = JSON.readTree(info.out());
        assertThat(i.get("backend").asText()).isEqualTo("postgresql");
        assertThat(i.get("location").asText()).startsWith("postgresql://cairn@").doesNotContain(":" + password(store) + "@");
        assertThat(i.get("schemaVersion").asInt()).isEqualTo(dev.cairn.store.internal.sql.SchemaMigrator.CURRENT_VERSION);
        assertThat(i.get("runs").asLong()).isEqualTo(1);
        assertThat(i.get("metricPoints").asLong()).isEqualTo(2);
        assertThat(i.get("sizeBytes").asLong()).isPositive();

        Path file = dir.resolve("laptop.db");
        CliRunner.Result copied = CliRunner.run("store", "copy", "--from", store, "--to", file.toString());
        assertThat(copied.code()).as(copied.err()).isZero();
        assertThat(copied.out()).contains("Copied 1 runs, 2 metric points and 0 models");
        try (TrackingStore laptop = TrackingStore.open(file)) {
            assertThat(laptop.metrics().read(runId, "loss").values()).containsExactly(0.5, 0.25);
        }
        CliRunner.Result again = CliRunner.run("store", "copy", "--from", file.toString(), "--to", store);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().strip()).contains("is not empty").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aServerThatIsDownAWrongPasswordAndAnUnknownDatabaseAreOneLineErrorsNamingTheStore() {
        String store = postgres.argument("team");
        try (TrackingStore created = TrackingStore.open(StoreLocation.parse(store), StoreOptions.local())) {
            created.runs();
        }
        PostgresTestDatabases.Location server = PostgresTestDatabases.Location.parse(store);

        CliRunner.Result down = CliRunner.run("runs", "--store", "postgresql://cairn:x@127.0.0.1:1/cairn");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err().strip()).startsWith("cairn: ").contains("127.0.0.1:1/cairn").doesNotContain("\n")
                .doesNotContain("Exception");

        String wrongPassword = "postgresql://cairn:wrong@" + server.host() + ":" + server.port() + "/" + server.database();
        CliRunner.Result refused = CliRunner.run("runs", "--store", wrongPassword);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).contains(server.host() + ":" + server.port() + "/" + server.database())
                .contains("password")
                .doesNotContain("wrong").doesNotContain("\n");

        String unknown = "postgresql://cairn:" + server.password() + "@" + server.host() + ":" + server.port()
                + "/no_such_db";
        CliRunner.Result missing = CliRunner.run("runs", "--store", unknown);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).contains("no_such_db").doesNotContain(server.password())
                .doesNotContain("\n");
    }

    @Test
    void infoOnASqliteFile() throws Exception {
        Path file = dir.resolve("s.db");
        assertThat(CliRunner.run("log", "--store", file.toString(), "--experiment", "e", "--metric", "m=1").code())
                .isZero();
        CliRunner.Result info = CliRunner.run("store", "info", "--store", file.toString(), "--json");
        assertThat(info.code()).as(info.err()).isZero();
        JsonNode i = JSON.readTree(info.out());
        assertThat(i.get("backend").asText()).isEqualTo("sqlite");
        assertThat(i.get("sizeBytes").asLong()).isGreaterThanOrEqualTo(Files.size(file));
        assertThat(i.get("runs").asLong()).isEqualTo(1);
    }

    private static String password(String uri) {
        return PostgresTestDatabases.Location.parse(uri).password();
    }
}
