package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.testing.CollectingSink;
import dev.cairn.plugin.support.testing.StoreSink;
import dev.cairn.plugin.support.testing.RecordingContext;

import dev.cairn.plugin.importer.ImportException;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Torn, corrupt, garbage and unreadable event files, and folders without runs. */
class TensorBoardCorruptInputTest {
    private static final String EVENT_FILE = "events.out.tfevents.1700000000.host.1.0";

    @TempDir
    Path tmp;

    /** Writes a run of {@code steps} simple scalars; returns each record's start offset (plus the end offset). */
    private static long[] writeRun(Path dir, int steps) throws IOException {
        Files.createDirectories(dir);
        long[] offsets = new long[steps + 1];
        try (EventFileWriter w = new EventFileWriter(Files.newOutputStream(dir.resolve(EVENT_FILE)))) {
            for (int i = 0; i < steps; i++) {
                offsets[i] = w.bytesWritten();
                w.simpleScalar(1_700_000_000.0 + i, i, "loss", 1.0f / (i + 1));
            }
            offsets[steps] = w.bytesWritten();
        }
        return offsets;
    }

    @Test
    void truncatedLastRecordIsToleratedWithAWarning() throws Exception {
        Path dir = tmp.resolve("logs/run1");
        long[] offsets = writeRun(dir, 20);
        Path file = dir.resolve(EVENT_FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            RecordingContext ctx = new RecordingContext();
            new TensorBoardImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);

            assertThat(ctx.failures).isEmpty();
            assertThat(ctx.warnings).singleElement().asString().contains(file.toString())
                    .contains("byte offset " + offsets[19]);
            MetricSummary loss = store.metrics().summaries(TensorBoardImporter.runId("logs", "run1")).get("loss");
            assertThat(loss.count()).isEqualTo(19);
            assertThat(loss.lastStep()).isEqualTo(18);
            assertThat(loss.last()).isEqualTo(1.0f / 19);
        }
    }

    @Test
    void badCrcInTheLastRecordIsToleratedWithAWarning() throws Exception {
        Path dir = tmp.resolve("logs/run1");
        long[] offsets = writeRun(dir, 5);
        Path file = dir.resolve(EVENT_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);

        RecordingContext ctx = new RecordingContext();
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            new TensorBoardImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);
            assertThat(ctx.failures).isEmpty();
            assertThat(ctx.warnings).singleElement().asString().contains("byte offset " + offsets[4])
                    .contains("checksum");
            assertThat(store.metrics().summaries(TensorBoardImporter.runId("logs", "run1")).get("loss").count())
                    .isEqualTo(4);
        }
    }

    @Test
    void badCrcInTheMiddleFailsThatRunNamingFileAndOffsetWhileOthersImport() throws Exception {
        long[] offsets = writeRun(tmp.resolve("logs/broken"), 10);
        writeRun(tmp.resolve("logs/good"), 3);
        Path file = tmp.resolve("logs/broken").resolve(EVENT_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offsets[4] + 14] ^= 0x01; // inside record 4's data
        Files.write(file, bytes);

        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            RecordingContext ctx = new RecordingContext();
            new TensorBoardImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);

            assertThat(ctx.failures).singleElement().asString()
                    .contains(file.toString()).contains("byte offset " + offsets[4]).contains("checksum");
            assertThat(store.runs().get(TensorBoardImporter.runId("logs", "broken"))).isEmpty();
            assertThat(store.metrics().summaries(TensorBoardImporter.runId("logs", "good")).get("loss").count())
                    .isEqualTo(3);
        }
    }

    @Test
    void corruptLengthHeaderInTheMiddleFails() throws Exception {
        long[] offsets = writeRun(tmp.resolve("logs/broken"), 6);
        Path file = tmp.resolve("logs/broken").resolve(EVENT_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offsets[2]] ^= 0x7f;
        Files.write(file, bytes);

        RecordingContext ctx = new RecordingContext();
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            new TensorBoardImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);
            assertThat(ctx.failures).singleElement().asString().contains("byte offset " + offsets[2]);
            assertThat(store.runs().get(TensorBoardImporter.runId("logs", "broken"))).isEmpty();
        }
    }

    @Test
    void garbageNamedLikeAnEventFileFailsAtOffsetZero() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs/junk"));
        Files.writeString(dir.resolve(EVENT_FILE), "this is not a TFRecord file at all, just some text\n");
        RecordingContext ctx = new RecordingContext();
        new TensorBoardImporter().importFrom(tmp.resolve("logs"), new CollectingSink(new java.util.ArrayList<>()), ctx);
        assertThat(ctx.failures).singleElement().asString().contains(EVENT_FILE).contains("byte offset 0");
    }

    @Test
    void unreadableEventFileFailsThatRunNamingTheFile() throws Exception {
        writeRun(tmp.resolve("logs/locked"), 3);
        writeRun(tmp.resolve("logs/open"), 2);
        Path file = tmp.resolve("logs/locked").resolve(EVENT_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("running as root: permissions are not enforced").isFalse();

        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            RecordingContext ctx = new RecordingContext();
            new TensorBoardImporter().importFrom(tmp.resolve("logs"), new StoreSink(store), ctx);
            assertThat(ctx.failures).singleElement().asString().contains(file.toString());
            assertThat(store.runs().get(TensorBoardImporter.runId("logs", "open"))).isPresent();
        }
    }

    @Test
    void folderWithoutEventFilesIsAnImportExceptionAndWritesNothing() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nothing/here"));
        Files.writeString(empty.resolve("notes.txt"), "no runs");
        try (TrackingStore store = TrackingStore.open(tmp.resolve("cairn.db"))) {
            StoreSink sink = new StoreSink(store);
            assertThatThrownBy(() -> new TensorBoardImporter().importFrom(tmp.resolve("nothing"), sink,
                    new RecordingContext()))
                    .isInstanceOf(ImportException.class).hasMessageContaining(tmp.resolve("nothing").toString())
                    .hasMessageContaining("no TensorBoard event files");
            assertThat(sink.written).isEmpty();
            assertThat(store.experiments().list(true)).isEmpty();
        }
    }

    @Test
    void probeIsConfidentForEventFilesAndNeverThrows() throws Exception {
        writeRun(tmp.resolve("logs/a/b"), 1);
        Files.writeString(tmp.resolve("other.csv"), "epoch,loss\n");
        TensorBoardImporter importer = new TensorBoardImporter();
        assertThat(importer.probe(tmp.resolve("logs"))).isGreaterThan(0.5);
        assertThat(importer.probe(tmp.resolve("logs/a/b").resolve(EVENT_FILE))).isGreaterThan(0.9);
        assertThat(importer.probe(tmp.resolve("other.csv"))).isZero();
        assertThat(importer.probe(tmp.resolve("does/not/exist"))).isZero();
    }
}
