package dev.cairn.app.faults;

import dev.cairn.app.Main;
import dev.cairn.store.TrackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several {@code cairn log} processes started at once, each a fresh JVM with a fresh temp folder and cache: they all
 * succeed and print nothing on stderr (sqlite-jdbc's "Failed to delete old native lib" stack trace came from every
 * process extracting its own copy into the shared temp folder and deleting the others'); the library is extracted
 * once, into the per-user cache.
 */
class ConcurrentLogProcessesTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentLogProcessesShareOneNativeLibraryAndPrintNothingOnStderr() throws Exception {
        Path store = tmp.resolve("s.db");
        TrackingStore.open(store).close();
        Path cache = tmp.resolve("cache");
        Path temp = Files.createDirectories(tmp.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            processes.add(new ProcessBuilder(java, "-Xmx256m", "-Dcairn.cacheDir=" + cache, "-Djava.io.tmpdir=" + temp,
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "log", "--store",
                    store.toString(), "--experiment", "parallel", "--metric", "loss=0." + i + "@1")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(err).as("stderr").doesNotContain("native lib").doesNotContain("Exception").doesNotContain("\tat ");
        }
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("sqlitejdbc")).toList()).hasSize(1);
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("sqlite")).toList())
                    .as("nothing extracted into the temp folder").isEmpty();
        }
        try (TrackingStore s = TrackingStore.open(store)) {
            assertThat(s.runsChangedSince(0)).hasSize(6);
        }
    }
}
