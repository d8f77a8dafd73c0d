package dev.cairn.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.app.cli.CliErrors;
import dev.cairn.app.cli.DemoCommand;
import dev.cairn.store.StoreOptions;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn demo} against real store files. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void createsTheStorePrintsJsonAndRefusesASecondTime() throws Exception {
        Path store = Files.createDirectories(dir.resolve("new folder")).resolve("cairn.db");

        assertThat(run("--store", store.toString(), "--json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("store").asText()).isEqualTo(store.toAbsolutePath().normalize().toString());
        assertThat(json.get("experiments").get(0).asText()).isEqualTo(SweepSection.EXPERIMENT);
        assertThat(json.get("experiments").get(1).asText()).isEqualTo(DriftSection.EXPERIMENT);
        assertThat(json.get("runs").asInt()).isEqualTo(103);
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(err.toString()).isEmpty();
        assertThat(Files.isRegularFile(store)).isTrue();

        assertThat(run("--store", store.toString())).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("cairn: The demo data is already in " + store.toAbsolutePath()
                .normalize()).contains("nothing was written").doesNotContain("Exception").doesNotContain("\tat ");
        try (TrackingStore s = TrackingStore.open(store, StoreOptions.readOnly())) {
            assertThat(s.experiments().byName(SweepSection.EXPERIMENT).orElseThrow().runCount()).isEqualTo(100);
        }
    }

    @Test
    void printsAShortSummary() {
        Path store = dir.resolve("demo.db");
        assertThat(run("--store", store.toString())).isEqualTo(0);
        assertThat(out.toString()).contains(SweepSection.EXPERIMENT + ": 100 runs")
                .contains(DriftSection.EXPERIMENT + ": 3 runs")
                .containsPattern("Wrote 103 demo runs to .*demo\\.db in \\d+\\.\\d s\\.");
    }
}
