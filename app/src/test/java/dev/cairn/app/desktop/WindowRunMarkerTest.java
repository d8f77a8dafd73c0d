package dev.cairn.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The marker that tells bin/cairn to keep the class-data archive recorded by a window run (ADR 0012). */
class WindowRunMarkerTest {
    @TempDir
    Path dir;

    @Test
    void aWindowRunCreatesTheMarkerTheLauncherNamed() {
        Path marker = dir.resolve("cairn-0.1.0-123.jsa.42.window");
        DesktopApp.markWindowRun(marker.toString());
        assertThat(marker).exists().isEmptyFile();
    }

    @Test
    void withoutAMarkerNothingIsWrittenAndAnUnwritableMarkerIsNotAnError() throws Exception {
        DesktopApp.markWindowRun(null);
        DesktopApp.markWindowRun(" ");
        assertThat(Files.list(dir)).isEmpty();
        assertThatCode(() -> DesktopApp.markWindowRun(dir.resolve("missing/folder/x.window").toString()))
                .doesNotThrowAnyException();
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
