package dev.cairn.plugin.tensorboard;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.plugin.support.FuzzScratch;
import dev.cairn.plugin.support.FuzzSeeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the TFRecord framing and the event protobuf decoder on the shared fixtures' event files, cut and with bytes
 * flipped. Property: a file parses, or fails with an {@link EventFileParser.EventFileException} naming the file and a
 * byte offset; warnings name the file and a byte offset.
 */
class EventFileFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.files("tfevents");
    private static final FuzzScratch SCRATCH = new FuzzScratch("tfevents-fuzz");

    @FuzzTest(maxDuration = "10s")
    void parsesOrFailsWithFileAndByteOffset(FuzzedDataProvider data) throws IOException {
        byte[] input = FuzzSeeds.mutate(SEEDS, data);
        Path f = SCRATCH.file("events.out.tfevents.1.fuzz");
        Files.write(f, input);
        List<String> warnings = new ArrayList<>();
        try {
            long read = new EventFileParser().parse(f, new RunData(), warnings::add);
            assertThat(read).isBetween(0L, (long) input.length);
        } catch (EventFileParser.EventFileException e) {
            assertThat(e.getMessage()).startsWith(f + ": ").contains("offset");
            assertThat(e.offset()).isBetween(0L, (long) input.length);
        }
        for (String w : warnings) {
            assertThat(w).startsWith(f + ": ").contains("byte offset");
        }
    }
}
