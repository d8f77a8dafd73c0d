package dev.cairn.plugin.optuna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import dev.cairn.store.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Journal logs replayed in order: the fixtures (four workers on one study), and hand-written bad input. */
class OptunaJournalTest {
    private static final Path DIR = Fixtures.get("optuna/sawa3030__optuna-playground");
    private final OptunaImporter importer = new OptunaImporter();
    @TempDir
    Path tmp;

    private List<ImportedRun> importFrom(Path path, RecordingContext context, CollectingSink[] sinkOut)
            throws Exception {
        List<ImportedRun> runs = new ArrayList<>();
        CollectingSink sink = new CollectingSink(runs);
        importer.importFrom(path, sink, context);
        if (sinkOut != null) {
            sinkOut[0] = sink;
        }
        return runs;
    }

    @Test
    void multiWorkerJournalReplaysToOneStudy() throws Exception {
        assertThat(importer.probe(DIR.resolve("journal.log"))).isGreaterThanOrEqualTo(0.9);
        RecordingContext context = new RecordingContext();
        CollectingSink[] sink = new CollectingSink[1];
        List<ImportedRun> runs = importFrom(DIR.resolve("journal.log"), context, sink);
        assertThat(context.failures).isEmpty();
        // 40 create_study lines of one name: one study; 109 trials, 106 finished, 3 never finished
        assertThat(sink[0].experiments).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("journal_storage_multiprocess");
            assertThat(e.tags()).containsEntry("optuna.direction", "MINIMIZE");
        });
        assertThat(runs).hasSize(109);
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.FINISHED)).hasSize(106);
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.RUNNING)).hasSize(3)
                .allMatch(r -> r.endMs() == null && r.metrics().isEmpty());
        assertThat(runs).extracting(ImportedRun::name).startsWith("trial 0", "trial 1").endsWith("trial 108");

        // against the raw lines: each trial id's param and value, in file order
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Double> x = new HashMap<>();
        Map<Integer, Double> value = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("journal.log"))) {
            JsonNode op = json.readTree(line);
            if (op.get("op_code").asInt() == 5) {
                x.put(op.get("trial_id").asInt(), op.get("param_value_internal").asDouble());
            } else if (op.get("op_code").asInt() == 6) {
                value.put(op.get("trial_id").asInt(), op.get("values").get(0).asDouble());
            }
        }
        for (ImportedRun run : runs) {
            int id = Integer.parseInt(run.tags().get("optuna.trial"));
            if (x.containsKey(id)) {
                assertThat(Double.parseDouble(run.params().get("x"))).isEqualTo(x.get(id));
            }
            if (value.containsKey(id)) {
                ImportedSeries v = run.metrics().get(0);
                assertThat(v.key()).isEqualTo("value");
                assertThat(v.values()).containsExactly(value.get(id));
            }
        }
    }

    @Test
    void singleWorkerLogExactValues() throws Exception {
        List<ImportedRun> runs = importFrom(DIR.resolve("journal_storage16.log"), new RecordingContext(), null);
        assertThat(runs).hasSize(5);
        ImportedRun first = runs.get(0);
        assertThat(first.params()).containsEntry("x", "-5.50878590272919");
        assertThat(first.metrics().get(0).values()).containsExactly(56.38186573302461);
        assertThat(first.startMs()).isEqualTo(OptunaSqliteFixtureTest.utc("2025-10-17T11:26:01.421532"));
        assertThat(first.endMs()).isEqualTo(OptunaSqliteFixtureTest.utc("2025-10-17T11:26:01.511936"));
    }

    @Test
    void statesAttrsIntermediateAndMultiObjective() throws Exception {
        Path log = tmp.resolve("j.log");
        String dist = "{\\\"name\\\": \\\"CategoricalDistribution\\\", \\\"attributes\\\": {\\\"choices\\\": [\\\"a\\\", \\\"b\\\"]}}";
        String logDist = "{\\\"name\\\": \\\"FloatDistribution\\\", \\\"attributes\\\": {\\\"step\\\": null, \\\"low\\\": 1e-05, \\\"high\\\": 1.0, \\\"log\\\": true}}";
        Files.writeString(log, String.join("\n",
                "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"mo\",\"directions\":[1,2]}",
                "{\"op_code\":3,\"worker_id\":\"w\",\"study_id\":0,\"system_attr\":{\"study:metric_names\":[\"loss\",\"acc\"]}}",
                "{\"op_code\":2,\"worker_id\":\"w\",\"study_id\":0,\"user_attr\":{\"owner\":\"me\"}}",
                "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:00:00\"}",
                "{\"op_code\":5,\"worker_id\":\"w\",\"trial_id\":0,\"param_name\":\"c\",\"param_value_internal\":1.0,\"distribution\":\"" + dist + "\"}",
                "{\"op_code\":5,\"worker_id\":\"w\",\"trial_id\":0,\"param_name\":\"lr\",\"param_value_internal\":1e-05,\"distribution\":\"" + logDist + "\"}",
                "{\"op_code\":7,\"worker_id\":\"w\",\"trial_id\":0,\"step\":3,\"intermediate_value\":0.5}",
                "{\"op_code\":8,\"worker_id\":\"w\",\"trial_id\":0,\"user_attr\":{\"note\":\"hi\"}}",
                "{\"op_code\":6,\"worker_id\":\"w\",\"trial_id\":0,\"state\":1,\"values\":[0.25,0.75],\"datetime_complete\":\"2025-01-01T00:01:00\"}",
                "{\"op_code\":7,\"worker_id\":\"w\",\"trial_id\":0,\"step\":4,\"intermediate_value\":9.0}",
                "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:02:00\"}",
                "{\"op_code\":6,\"worker_id\":\"w\",\"trial_id\":1,\"state\":2,\"values\":null,\"datetime_complete\":\"2025-01-01T00:03:00\"}",
                "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":null,\"state\":4}",
                "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:04:00\"}",
                "{\"op_code\":6,\"worker_id\":\"w\",\"trial_id\":3,\"state\":3,\"values\":null,\"datetime_complete\":\"2025-01-01T00:05:00\"}",
                "{\"op_code\":4,\"worker_id\":\"w\",\"stu"));
        RecordingContext context = new RecordingContext();
        CollectingSink[] sink = new CollectingSink[1];
        List<ImportedRun> runs = importFrom(log, context, sink);
        assertThat(context.failures).isEmpty();
        assertThat(context.warnings).singleElement().asString()
                .startsWith(log + ": line 16: invalid JSON").endsWith("(torn last line left out)");
        assertThat(sink[0].experiments.get(0).tags()).containsEntry("optuna.directions", "MINIMIZE,MAXIMIZE")
                .containsEntry("owner", "me");
        assertThat(runs).extracting(ImportedRun::status).containsExactly(RunStatus.FINISHED, RunStatus.KILLED,
                RunStatus.SCHEDULED, RunStatus.FAILED);
        ImportedRun t0 = runs.get(0);
        assertThat(t0.params()).containsEntry("c", "b").containsEntry("lr", "1e-05");
        assertThat(t0.tags()).containsEntry("optuna.param.lr.log", "true").containsEntry("note", "hi");
        assertThat(t0.metrics()).extracting(ImportedSeries::key).containsExactly("loss", "acc", "intermediate");
        assertThat(t0.metrics().get(1).values()).containsExactly(0.75);
        // the intermediate value after the trial finished is ignored, as Optuna ignores it
        assertThat(t0.metrics().get(2).steps()).containsExactly(3L);
        assertThat(runs.get(1).tags()).containsEntry("optuna.state", "PRUNED");
    }

    @Test
    void brokenLineBeforeTheEndFailsTheFileWithItsLine() throws Exception {
        Path log = tmp.resolve("j.log");
        Files.writeString(log, "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"s\",\"directions\":[1]}\n"
                + "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:00:00\"}\n"
                + "{\"op_code\":5,\"trial_id\":0,, \n"
                + "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:00:00\"}\n");
        RecordingContext context = new RecordingContext();
        assertThat(importFrom(log, context, null)).isEmpty();
        assertThat(context.failures).singleElement().asString().contains(log + ": line 3: invalid JSON")
                .doesNotContain("\n");

        Files.writeString(log, "{\"op_code\":0,\"worker_id\":\"w\",\"directions\":[1]}\n");
        RecordingContext missing = new RecordingContext();
        importFrom(log, missing, null);
        assertThat(missing.failures).singleElement().asString()
                .endsWith(log + ": line 1: operation 0 has no field 'study_name'");
    }

    @Test
    void aValueThatIsNotANumberFailsTheFileWithItsLineNeverZero() throws Exception {
        Path log = tmp.resolve("j.log");
        Files.writeString(log, "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"s\",\"directions\":[1]}\n"
                + "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0,\"datetime_start\":\"2025-01-01T00:00:00\"}\n"
                + "{\"op_code\":7,\"worker_id\":\"w\",\"trial_id\":0,\"step\":1,\"intermediate_value\":\"abc\"}\n");
        RecordingContext context = new RecordingContext();
        assertThat(importFrom(log, context, null)).isEmpty();
        assertThat(context.failures).singleElement().asString()
                .contains(log + ": line 3: intermediate_value: abc is not a number");
    }

    /** Fuzz finding (JournalFuzzTest): a byte that is not UTF-8 failed the file with "Input length = 1", no line. */
    @Test
    void aByteThatIsNotUtf8FailsTheFileWithItsLine() throws Exception {
        Path log = tmp.resolve("j.log");
        byte[] bad = "{\"op_code\":4,\"worker_id\":\"w\u00ff\",\"study_id\":0}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log, concat(("{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"s\",\"directions\":[1]}\n")
                .getBytes(StandardCharsets.UTF_8), bad, "{\"op_code\":4,\"worker_id\":\"w\",\"study_id\":0}\n"
                .getBytes(StandardCharsets.UTF_8)));
        RecordingContext context = new RecordingContext();
        assertThat(importFrom(log, context, null)).isEmpty();
        assertThat(context.failures).singleElement().asString().contains(log + ": line 2: invalid JSON")
                .doesNotContain("\n");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void corruptDatabaseIsOneLineNamingTheFile() throws Exception {
        Path db = tmp.resolve("optuna.db");
        byte[] whole = Files.readAllBytes(Fixtures.get("optuna/LukeCPadmore__flow-matching-mnist/optuna.db"));
        Files.write(db, java.util.Arrays.copyOf(whole, 4096));
        RecordingContext context = new RecordingContext();
        List<ImportedRun> runs = new ArrayList<>();
        try {
            importer.importFrom(db, new CollectingSink(runs), context);
        } catch (dev.cairn.plugin.importer.ImportException e) {
            context.failures.add(e.getMessage());
        }
        assertThat(runs).isEmpty();
        assertThat(context.failures).singleElement().asString().contains(db.toString()).doesNotContain("\n");
    }
}
