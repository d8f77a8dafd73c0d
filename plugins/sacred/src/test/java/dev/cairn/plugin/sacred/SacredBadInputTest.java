package dev.cairn.plugin.sacred;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Truncated, corrupt and incomplete Sacred runs fail alone with one line naming the file and line. */
class SacredBadInputTest {
    private static final String RUN = "{\"experiment\": {\"name\": \"exp\"}, \"status\": \"%s\", "
            + "\"start_time\": \"2024-01-02T03:04:05.000006\", \"stop_time\": null, "
            + "\"heartbeat\": \"2024-01-02T03:05:00.000000\", \"fail_trace\": [\"Traceback\\n\", \"  boom\\n\"]}";
    private final SacredImporter importer = new SacredImporter();
    @TempDir
    Path dir;

    private List<ImportedRun> run(RecordingContext context) throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(dir, new CollectingSink(runs), context);
        return runs;
    }

    private Path runFolder(String id, String runJson) throws Exception {
        Path d = Files.createDirectories(dir.resolve(id));
        Files.writeString(d.resolve("run.json"), runJson);
        return d;
    }

    @Test
    void statusesMapAndFailTraceIsATag() throws Exception {
        runFolder("1", RUN.formatted("FAILED"));
        runFolder("2", RUN.formatted("INTERRUPTED"));
        runFolder("3", RUN.formatted("QUEUED"));
        runFolder("10", RUN.formatted("RUNNING"));
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = run(context);
        assertThat(runs).extracting(ImportedRun::status).containsExactly(RunStatus.FAILED, RunStatus.KILLED,
                RunStatus.SCHEDULED, RunStatus.RUNNING);
        assertThat(runs.get(0).tags()).containsEntry("sacred.fail_trace", "Traceback\n  boom");
        assertThat(runs.get(0).endMs()).isEqualTo(SacredFixturesTest.utcMillis("2024-01-02T03:05:00"));
        assertThat(runs.get(3).endMs()).isNull();
    }

    @Test
    void truncatedRunJsonFailsItsRunOnly() throws Exception {
        runFolder("1", RUN.formatted("COMPLETED").substring(0, 40));
        runFolder("2", RUN.formatted("COMPLETED"));
        RecordingContext context = new RecordingContext();
        assertThat(run(context)).extracting(ImportedRun::name).containsExactly("exp 2");
        assertThat(context.failures).singleElement().asString()
                .contains(dir.resolve("1/run.json") + ": line 1: invalid JSON").doesNotContain("\n");
    }

    @Test
    void missingFieldsAndUnknownStatusNameTheFile() throws Exception {
        runFolder("1", "{\"status\": \"COMPLETED\"}");
        runFolder("2", "{\"experiment\": {\"name\": \"x\"}}");
        runFolder("3", RUN.formatted("EXPLODED"));
        RecordingContext context = new RecordingContext();
        assertThat(run(context)).isEmpty();
        assertThat(context.failures).containsExactly(
                dir.resolve("1") + " | " + dir.resolve("1/run.json") + ": line 1: missing field 'experiment.name'",
                dir.resolve("2") + " | " + dir.resolve("2/run.json") + ": line 1: missing field 'status'",
                dir.resolve("3") + " | " + dir.resolve("3/run.json")
                        + ": line 1: unknown status 'EXPLODED' (expected COMPLETED, FAILED, INTERRUPTED, TIMEOUT, RUNNING or QUEUED)");
    }

    @Test
    void corruptMetricsNameTheMetric() throws Exception {
        Path d = runFolder("1", RUN.formatted("COMPLETED"));
        Files.writeString(d.resolve("metrics.json"),
                "{\"loss\": {\"steps\": [0, 1], \"timestamps\": [\"2024-01-02T03:04:05\"], \"values\": [1.0, 2.0]}}");
        RecordingContext context = new RecordingContext();
        assertThat(run(context)).isEmpty();
        assertThat(context.failures).singleElement().asString()
                .endsWith(d.resolve("metrics.json") + ": line 1: metric 'loss': 2 steps, 1 timestamps, 2 values");
        Files.write(d.resolve("metrics.json"), new byte[] {'{', '"', 'a', (byte) 0xc3});
        RecordingContext second = new RecordingContext();
        run(second);
        assertThat(second.failures).singleElement().asString().contains(d.resolve("metrics.json") + ": line 1: ");
    }

    @Test
    void emptyFolderIsOneError() {
        assertThatThrownBy(() -> run(new RecordingContext())).isInstanceOf(ImportException.class)
                .hasMessage(dir + ": no Sacred run folders (<id>/run.json) found");
    }
}
