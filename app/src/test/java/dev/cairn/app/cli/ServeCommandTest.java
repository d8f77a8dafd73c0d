package dev.cairn.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn serve}'s refusals: one line, exit 1, nothing started. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void nonLoopbackWithoutATokenFileRefusesToStart() {
        CliRunner.Result r = CliRunner.run("serve", "--store", dir.resolve("s.db").toString(), "--host", "0.0.0.0",
                "--port", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--token-file").doesNotContain("Exception");
    }

    @Test
    void anEmptyOrMissingTokenFileIsAOneLineError() throws Exception {
        Path empty = Files.writeString(dir.resolve("token"), "\n");
        CliRunner.Result r = CliRunner.run("serve", "--store", dir.resolve("s.db").toString(), "--token-file",
                empty.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(empty.toString()).contains("one non-empty line");
        CliRunner.Result missing = CliRunner.run("serve", "--store", dir.resolve("s.db").toString(), "--token-file",
                dir.resolve("nope").toString(), "--port", "0");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Cannot read the token file");
    }

    @Test
    void aMalformedCorsOriginIsAOneLineError() {
        CliRunner.Result r = CliRunner.run("serve", "--store", dir.resolve("s.db").toString(), "--port", "0",
                "--cors-allowed-origins", "https://ok.example,notebook:8888/path");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--cors-allowed-origins: 'notebook:8888/path' is not an origin")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
