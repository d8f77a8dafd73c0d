package dev.cairn.plugin.bundle;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bundles broken by hand (found by {@code BundleFuzzTest}): each is an {@link ImportException} or a failed run
 * naming the bundle entry, never another exception and never a huge allocation.
 */
class BundleBadInputTest {
    private static final String MANIFEST = "{\"format\":\"cairn-bundle\",\"version\":1,\"runs\":[\"r1\"]}";
    @TempDir
    Path dir;

    private Path bundle(String manifest, String run, byte[] series) throws IOException {
        Path file = dir.resolve("b.cairn.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(BundleFormat.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(BundleFormat.runEntry("r1")));
            zip.write(run.getBytes(StandardCharsets.UTF_8));
            if (series != null) {
                zip.putNextEntry(new ZipEntry(BundleFormat.seriesEntry("r1")));
                zip.write(series);
            }
        }
        return file;
    }

    private static List<ImportedRun> importFrom(Path file, RecordingContext context) throws ImportException {
        List<ImportedRun> runs = new ArrayList<>();
        new BundleImporter().importFrom(file, new CollectingSink(runs), context);
        return runs;
    }

    @Test
    void anUnknownStatusFailsTheRunNamingItsEntry() throws Exception {
        Path file = bundle(MANIFEST, "{\"experiment\":\"e\",\"id\":\"r1\",\"status\":\"FINISHEX\"}", null);
        RecordingContext context = new RecordingContext();
        assertThat(importFrom(file, context)).isEmpty();
        assertThat(context.failures).singleElement().asString()
                .endsWith(file + "!runs/r1.json: unknown run status 'FINISHEX' (expected RUNNING, SCHEDULED, "
                        + "FINISHED, FAILED or KILLED)");
    }

    @Test
    void aNullParamOrMissingFieldFailsTheRunNamingItsEntry() throws Exception {
        Path file = bundle(MANIFEST, "{\"experiment\":\"e\",\"id\":\"r1\",\"status\":\"FINISHED\","
                + "\"params\":{\"lr\":null}}", null);
        RecordingContext context = new RecordingContext();
        importFrom(file, context);
        assertThat(context.failures).singleElement().asString()
                .endsWith(file + "!runs/r1.json: params 'lr' has no value (null)");

        file = bundle(MANIFEST, "{\"id\":\"r1\",\"status\":\"FINISHED\"}", null);
        RecordingContext second = new RecordingContext();
        importFrom(file, second);
        assertThat(second.failures).singleElement().asString()
                .endsWith(file + "!runs/r1.json: a run needs 'experiment', 'id' and 'status'");
    }

    @Test
    void aSeriesClaimingMorePointsThanItsEntryHoldsIsRefusedBeforeAllocating() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(1);
            out.writeUTF("loss");
            out.writeInt(Integer.MAX_VALUE);
            out.writeLong(0);
        }
        Path file = bundle(MANIFEST, "{\"experiment\":\"e\",\"id\":\"r1\",\"status\":\"FINISHED\"}",
                bytes.toByteArray());
        assertThatThrownBy(() -> importFrom(file, new RecordingContext())).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ": cannot read (" + file + "!runs/r1.series: series 'loss' claims "
                        + Integer.MAX_VALUE + " points");
    }
}
