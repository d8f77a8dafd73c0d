package dev.cairn.plugin.dvc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.SeriesCollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the dvclive TSV reader on the shared fixtures' dvclive files, cut and with bytes flipped. Property: a file
 * reads, or fails with a {@link LogFileException} naming it and a line; warnings name it and a line; every value
 * stored is one the file spelled (no cut number: a last line without line end is dropped).
 */
class TsvSeriesFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("dvclive");
    private static final FuzzScratch SCRATCH = new FuzzScratch("tsv-fuzz");

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsWithFileAndLine(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path f = SCRATCH.file("acc.tsv");
        Files.write(f, input);
        SeriesCollector out = new SeriesCollector();
        List<String> warnings = new ArrayList<>();
        try {
            TsvSeries.read(f, "acc", out, warnings::add);
            for (ImportedSeries s : out.series()) {
                for (double v : s.values()) {
                    assertThat(Double.isInfinite(v) && !new String(input, java.nio.charset.StandardCharsets.UTF_8)
                            .toLowerCase().contains("inf")).as("infinity from no 'inf' in the file").isFalse();
                }
            }
            if (input.length > 0 && input[input.length - 1] != '\n' && input[input.length - 1] != '\r'
                    && !out.series().isEmpty()) {
                assertThat(warnings).as("a last line without line end is reported").isNotEmpty();
            }
        } catch (LogFileException e) {
            assertThat(e.getMessage()).startsWith(f + ": line ");
            assertThat(e.line()).isPositive();
        }
        for (String w : warnings) {
            assertThat(w).startsWith(f + ": line ");
        }
    }
}
