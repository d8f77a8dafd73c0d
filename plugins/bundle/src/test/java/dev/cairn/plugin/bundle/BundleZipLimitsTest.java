package dev.cairn.plugin.bundle;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.support.ZipLimits;
import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * A bundle is read within the zip limits of decision 0014, the same code as a dropped project zip: a bomb in a
 * bundle entry is refused with one line naming the bundle and the entry, before it is read into memory.
 */
class BundleZipLimitsTest {
    private static final String MANIFEST = "{\"format\":\"cairn-bundle\",\"version\":1,\"runs\":[\"r1\"]}";
    private static final String RUN = "{\"experiment\":\"e\",\"id\":\"r1\",\"status\":\"FINISHED\"}";
    @TempDir
    Path dir;

    /** A bundle of one run whose series entry is {@code zeros} zero bytes (64 MiB deflate to ~64 KiB). */
    private Path bundle(int zeros) throws IOException {
        Path file = dir.resolve("b.cairn.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(BundleFormat.MANIFEST));
            zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(BundleFormat.runEntry("r1")));
            zip.write(RUN.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(BundleFormat.seriesEntry("r1")));
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < zeros / block.length; i++) {
                zip.write(block);
            }
        }
        return file;
    }

    private static List<ImportedRun> importFrom(BundleImporter importer, Path file) throws ImportException {
        List<ImportedRun> runs = new ArrayList<>();
        importer.importFrom(file, new CollectingSink(runs), new RecordingContext());
        return runs;
    }

    @Test
    void aSeriesEntryThatIsAZipBombIsRefusedNamingTheBundleAndEntry() throws Exception {
        Path file = bundle(64 << 20);
        assertThatThrownBy(() -> importFrom(new BundleImporter(), file))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file + ": entry '" + BundleFormat.seriesEntry("r1")
                        + "' unpacks to more than 200 times its compressed ")
                .hasMessageEndingWith(", a zip bomb")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theLimitsOfOneEntryOfAllEntriesAndOfTheEntryCountApplyAsCountedNotAsDeclared() throws Exception {
        Path file = bundle(1 << 20);
        assertThatThrownBy(() -> importFrom(new BundleImporter(new ZipLimits(1L << 30, 1L << 19, 1000, 10_000, 0)),
                file)).isInstanceOf(ImportException.class).hasMessage(file + ": entry '"
                + BundleFormat.seriesEntry("r1") + "' unpacks to more than 512.0 KiB, the limit for one entry");
        assertThatThrownBy(() -> importFrom(new BundleImporter(new ZipLimits(1L << 19, 1L << 30, 1000, 10_000, 0)),
                file)).isInstanceOf(ImportException.class).hasMessage(file + ": unpacks to more than 512.0 KiB in "
                + "all (at entry '" + BundleFormat.seriesEntry("r1") + "')");
        assertThatThrownBy(() -> importFrom(new BundleImporter(new ZipLimits(1L << 30, 1L << 30, 2, 10_000, 0)),
                file)).isInstanceOf(ImportException.class).hasMessage(file + ": more than 2 entries (at entry '"
                + BundleFormat.seriesEntry("r1") + "')");
    }

    @Test
    void anOrdinaryBundleIsReadWithinTheDefaultLimits() throws Exception {
        Path file = dir.resolve("ok.cairn.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(BundleFormat.MANIFEST));
            zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(BundleFormat.runEntry("r1")));
            zip.write(RUN.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(importFrom(new BundleImporter(), file)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo("r1"));
    }
}
