package dev.cairn.plugin.support;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties every importer fuzz target checks (ADR 0013): a message is one line naming the file and a line or
 * byte offset; no infinity where the input spells none (a number too large for a double is an error, not infinity).
 */
public final class FuzzChecks {
    private FuzzChecks() {
    }

    /**
     * Each message (an import context's failures are "source | message": the part after the bar is checked) is one
     * line, starts with one of {@code files} and gives a line or byte offset right after it.
     */
    public static void nameFileAndPlace(Collection<String> messages, Collection<String> files) {
        for (String raw : messages) {
            int bar = raw.indexOf(" | ");
            String m = bar < 0 ? raw : raw.substring(bar + 3);
            assertThat(m).as("one line").doesNotContain("\n");
            assertThat(files).as("a known file starts: " + m)
                    .anyMatch(f -> m.startsWith(f + ": line ") || m.startsWith(f + ": offset "));
        }
    }

    /** Each message is one line starting with one of {@code files} (a whole input refused, not a place in it). */
    public static void nameFile(Collection<String> messages, Collection<String> files) {
        for (String m : messages) {
            assertThat(m).as("one line").doesNotContain("\n");
            assertThat(files).as("a known file starts: " + m).anyMatch(f -> m.startsWith(f + ": "));
        }
    }

    /** No metric value of {@code runs} is infinite unless the input spells an infinity ("inf"). */
    public static void noInventedInfinity(Collection<ImportedRun> runs, byte[] input) {
        boolean spelled = new String(input, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("inf");
        for (ImportedRun run : runs) {
            for (ImportedSeries s : run.metrics()) {
                for (double v : s.values()) {
                    assertThat(Double.isInfinite(v) && !spelled).as("infinity from no 'inf' in the input: "
                            + s.key()).isFalse();
                }
            }
        }
    }
}
