package dev.cairn.store.profiling;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.store.drift.DatasetFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the drift profiler's CSV reading (records, header checks, type inference, profiling) on CSV files from the
 * shared fixtures. Property: only {@link DatasetFormatException} escapes, naming the source and a line.
 */
class DriftCsvFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("keras_csv", "lightning_csv");

    @FuzzTest(maxDuration = "10s")
    void profilesOrFailsWithSourceAndLine(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        try (CsvRecordReader csv = new CsvRecordReader(new ByteArrayInputStream(input), "data.csv")) {
            String[] header = csv.next();
            if (header == null) {
                return;
            }
            DatasetProfiler profiler = new DatasetProfiler("data.csv", java.util.Arrays.asList(header),
                    ProfileOptions.defaults(), java.util.Map.of(), 1);
            for (String[] cells = csv.next(); cells != null; cells = csv.next()) {
                profiler.add(cells, csv.recordLine());
            }
            profiler.finish(csv.recordLine() + 1);
        } catch (DatasetFormatException e) {
            assertThat(e.getMessage()).startsWith("data.csv");
            assertThat(e.getMessage()).matches("(?s)data\\.csv(, line [0-9]+)?: .+");
        }
    }
}
