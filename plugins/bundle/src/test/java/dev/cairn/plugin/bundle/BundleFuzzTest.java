package dev.cairn.plugin.bundle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;
import dev.cairn.plugin.support.testing.ImportAttempt;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the {@code .cairn.zip} importer: a bundle of two runs (one a child, with params, tags, an input, artifacts
 * and series holding NaN and infinity) with its manifest, a run's JSON or a run's series entry mutated and the zip
 * rebuilt, or the zip's own bytes mutated. Property: only {@link ImportException} escapes; every message is one line
 * naming the bundle (and the entry when it is an entry's fault).
 */
class BundleFuzzTest {
    private static final String MANIFEST = "{\"format\":\"cairn-bundle\",\"version\":1,\"createdMs\":1700000000000,"
            + "\"createdBy\":\"cairn 0.1.0\",\"experiments\":[{\"name\":\"exp\",\"description\":\"d\",\"lifecycle\":"
            + "\"active\",\"createdMs\":1700000000000,\"tags\":{\"team\":\"a\"}}],\"runs\":[\"r1\",\"r2\"]}";
    private static final String RUN1 = "{\"experiment\":\"exp\",\"id\":\"r1\",\"name\":\"first\",\"status\":\"FINISHED\","
            + "\"startMs\":1700000000000,\"endMs\":1700000360000,\"user\":\"ana\",\"lifecycle\":\"active\","
            + "\"sourceProgram\":\"train.py\",\"sourceCommit\":\"abc123\",\"note\":\"a note\",\"params\":{\"lr\":\"0.1\","
            + "\"opt\":\"adam\"},\"tags\":{\"t\":\"v\"},\"inputs\":[],\"artifactUri\":\"file:///tmp/a\",\"artifacts\":[]}";
    private static final String RUN2 = "{\"experiment\":\"exp\",\"id\":\"r2\",\"name\":\"child\",\"status\":\"FAILED\","
            + "\"parentId\":\"r1\",\"lifecycle\":\"deleted\",\"deletedMs\":1700000400000,\"params\":{},\"tags\":{}}";
    private static final byte[] SERIES = series();
    private static final FuzzScratch SCRATCH = new FuzzScratch("bundle-fuzz");

    private static byte[] series() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            SeriesCodec.write(out, List.of(
                    new ImportedSeries("loss", new long[] {0, 1, 2}, new long[] {10, 20, 30},
                            new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY}),
                    new ImportedSeries("acc", new long[] {5}, new long[] {0}, new double[] {0.25})));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(byte[] manifest, byte[] run1, byte[] series1) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, BundleFormat.MANIFEST, manifest);
            entry(zip, BundleFormat.runEntry("r1"), run1);
            entry(zip, BundleFormat.seriesEntry("r1"), series1);
            entry(zip, BundleFormat.runEntry("r2"), RUN2.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    @FuzzTest(maxDuration = "10s")
    void importsOrFailsNamingBundleAndEntry(FuzzedDataProvider data) throws IOException {
        int kind = data.consumeInt(0, 3);
        byte[] manifest = MANIFEST.getBytes(StandardCharsets.UTF_8);
        byte[] run1 = RUN1.getBytes(StandardCharsets.UTF_8);
        byte[] series1 = SERIES;
        switch (kind) {
            case 0 -> manifest = FuzzSeeds.mutate(List.of(manifest), data);
            case 1 -> run1 = FuzzSeeds.mutate(List.of(run1, RUN2.getBytes(StandardCharsets.UTF_8)), data);
            case 2 -> series1 = FuzzSeeds.mutate(List.of(series1), data);
            default -> {
            }
        }
        byte[] bundle = zip(manifest, run1, series1);
        if (kind == 3) {
            bundle = FuzzSeeds.mutate(List.of(bundle), data);
        }
        Path path = SCRATCH.file("runs.cairn.zip");
        Files.write(path, bundle);
        ImportAttempt attempt = ImportAttempt.of(new BundleImporter(), path);
        for (String m : attempt.errors()) {
            assertThat(m).matches(java.util.regex.Pattern.quote(path.toString()) + "[:!].*").doesNotContain("\n");
        }
        assertThat(attempt.context.warnings).allSatisfy(w -> assertThat(w).startsWith(path.toString()));
    }
}
