package dev.cairn.plugin.dvc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.LogFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the dvclive summary / DVC metrics reader ({@code metrics.json}, {@code dvclive.json}, YAML and TOML
 * metrics), the DVC plots data reader (JSON / YAML lists, YAML's {@code .inf}/{@code .nan}) and the stage file
 * readers ({@code dvc.yaml} with its templating, DVC 0.x {@code .dvc}) on the shared fixtures' dvclive files, cut,
 * with bytes flipped or inserted. Inputs in {@code MetricsFileFuzzTestInputs} are crashes found and hand-made seeds (YAML's special floats
 * as Python's yaml.dump writes them, TOML metrics, a DVC 0.x stage file): a payload, then byte 4 (the fuzzer's bytes
 * as the file), for kinds 0 and 3 byte 1 (TOML, .dvc), and the kind byte.
 * Property: a file reads, or fails with a {@link LogFileException} naming it and a line (never another
 * exception); no metric is infinite unless the file spells an infinity; keys are never empty paths.
 */
class MetricsFileFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("dvclive");
    private static final FuzzScratch SCRATCH = new FuzzScratch("metrics-fuzz");

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsWithFileAndLine(FuzzedDataProvider data) throws IOException {
        int kind = data.consumeInt(0, 3);
        // read before the input (kinds 0 and 3 only, so the inputs kept for kinds 1 and 2 mean what they meant)
        boolean other = (kind == 0 || kind == 3) && data.consumeBoolean();
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path f = SCRATCH.dir().resolve(switch (kind) {
            case 0 -> other ? "metrics.toml" : "metrics.json";
            case 1 -> "metrics.yaml";
            case 2 -> data.consumeBoolean() ? "plot.json" : "plot.yaml";
            default -> other ? "train.dvc" : "dvc.yaml"; // DVC 0.x stage file; one stage file at a time
        });
        if (kind == 3) {
            Files.deleteIfExists(SCRATCH.dir().resolve(other ? "dvc.yaml" : "train.dvc"));
        }
        Files.write(f, input);
        String text = new String(input, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        try {
            if (kind < 2) {
                SummaryJson summary = SummaryJson.read(f);
                summary.values().forEach((key, v) -> {
                    assertThat(key).as("metric key").isNotEmpty();
                    assertThat(Double.isInfinite(v) && !text.contains("inf")).as("infinity from no 'inf' in the "
                            + "file: " + key).isFalse();
                });
            } else if (kind == 3) {
                DvcYaml yaml = DvcYaml.read(f);
                // each warning names a file: the stage file, or a declared file not read
                DeclaredOutputs.of(yaml).skipped().forEach(w -> assertThat(w.contains(": ")
                        && Path.of(w.substring(0, w.indexOf(": "))).isAbsolute()).as(w).isTrue());
            } else {
                List<String> warnings = new ArrayList<>();
                PlotTable table = PlotTable.read(f, warnings::add);
                for (String[] row : table.rows()) {
                    assertThat(row).hasSize(table.columns().size());
                }
            }
        } catch (LogFileException e) {
            assertThat(e.getMessage()).startsWith(f + ": line ");
            assertThat(e.line()).isPositive();
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }
}
