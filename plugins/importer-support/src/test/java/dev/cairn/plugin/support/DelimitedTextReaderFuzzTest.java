package dev.cairn.plugin.support;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the shared CSV/TSV reader on real log files from the shared fixtures, cut, spliced and with bytes
 * flipped by the fuzzer. Property: the only error that escapes is a {@link LogFileException} naming the source and
 * a line; no number comes out of a cell {@link Numbers} refuses.
 */
class DelimitedTextReaderFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("keras_csv", "lightning_csv", "dvclive", "tfevents");

    @FuzzTest(maxDuration = "10s")
    void readsOrFailsWithFileAndLine(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        boolean tsv = data.consumeBoolean();
        List<String> warnings = new ArrayList<>();
        DelimitedTextReader.Builder b = (tsv ? DelimitedTextReader.tsv("fuzz.tsv") : DelimitedTextReader.csv("fuzz.csv"))
                .trimCells().skipBlankLines().collapseLineEnds().dropIncompleteLastLine(warnings::add);
        try (DelimitedTextReader r = b.open(new ByteArrayInputStream(input))) {
            for (String[] cells = r.next(); cells != null; cells = r.next()) {
                for (String cell : cells) {
                    try {
                        double v = r.number("c", cell);
                        assertThat(Double.isInfinite(v) && !cell.toLowerCase().contains("inf")).isFalse();
                    } catch (LogFileException e) {
                        assertThat(e.getMessage()).startsWith((tsv ? "fuzz.tsv" : "fuzz.csv") + ": line ");
                    }
                }
            }
        } catch (LogFileException e) {
            assertThat(e.getMessage()).matches("fuzz\\.(csv|tsv): line [0-9]+: (?s).+");
            assertThat(e.line()).isPositive();
        }
        for (String w : warnings) {
            assertThat(w).matches("fuzz\\.(csv|tsv): line [0-9]+: (?s).+");
        }
    }
}
