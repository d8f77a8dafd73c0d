package dev.cairn.plugin.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogFileExceptionTest {
    /** Fuzz finding (WandbRunFuzzTest in a CI rehearsal): a history key holding a line break broke the error in two. */
    @Test
    void whatTheMessageQuotesCannotBreakItsLine() {
        LogFileException e = LogFileException.atOffset(Path.of("run-abc.wandb"), 3414,
                "malformed record: history item '_tim\nstamp\r\u0007' is not JSON");
        assertThat(e.getMessage()).isEqualTo(
                "run-abc.wandb: offset 3414: malformed record: history item '_tim\\nstamp\\r\\u0007' is not JSON");
        assertThat(new LogFileException(Path.of("a\tb.csv"), 2, "bad\nvalue").getMessage())
                .isEqualTo("a\\tb.csv: line 2: bad\\nvalue").doesNotContain("\n");
        assertThat(new LogFileException(Path.of("m.csv"), 2, "plain").problem()).isEqualTo("plain");
    }
}
