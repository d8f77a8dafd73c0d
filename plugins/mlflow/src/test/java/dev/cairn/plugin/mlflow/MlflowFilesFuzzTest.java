package dev.cairn.plugin.mlflow;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the MLflow file store's readers on the shared fixtures' mlruns files: meta.yaml (every field getter) and
 * metric files. Property: only {@link ImportException} escapes, naming the file (and the line for metric files).
 */
class MlflowFilesFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("mlruns");
    private static final FuzzScratch SCRATCH = new FuzzScratch("mlflow-fuzz");

    @FuzzTest(maxDuration = "10s")
    void metaYamlAndMetricFilesReadOrFailNamingTheFile(FuzzedDataProvider data) throws IOException {
        boolean meta = data.consumeBoolean();
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path f = SCRATCH.dir().resolve(meta ? "meta.yaml" : "loss");
        Files.write(f, input);
        try {
            if (meta) {
                MetaYaml m = MetaYaml.read(f);
                m.require("status", "start_time", "lifecycle_stage");
                m.wholeNumber("start_time");
                m.wholeNumber("end_time");
                m.text("run_id");
                m.map("tags");
            } else {
                MetricFileParser.parse("loss", f);
            }
        } catch (ImportException e) {
            assertThat(e.getMessage()).startsWith(f.toString());
            if (!meta) {
                assertThat(e.getMessage()).startsWith(f + ": line ");
            }
        }
    }
}
