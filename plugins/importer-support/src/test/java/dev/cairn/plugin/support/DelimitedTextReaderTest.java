package dev.cairn.plugin.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared CSV/TSV reader: incomplete last lines, strict UTF-8, line counting, the number rule. */
class DelimitedTextReaderTest {
    @TempDir
    Path tmp;
    final List<String> warnings = new ArrayList<>();

    private List<String[]> logRecords(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        try (DelimitedTextReader r = DelimitedTextReader.tsv(f.toString()).trimCells().skipBlankLines()
                .collapseLineEnds().dropIncompleteLastLine(warnings::add).open(f)) {
            return r.readAll();
        }
    }

    @Test
    void aLastLineCutMidNumberIsDroppedWithAWarningNamingFileAndLine() throws Exception {
        // dvclive still writing: "4\t0.95" cut to "4\t0"
        List<String[]> records = logRecords("acc.tsv", "step\tacc\n3\t0.94\n4\t0");
        assertThat(records).hasSize(2);
        assertThat(records.get(1)).containsExactly("3", "0.94");
        assertThat(warnings).singleElement().asString().contains(tmp.resolve("acc.tsv") + ": line 3")
                .contains("no line end").contains("ignored");
    }

    @Test
    void aCompleteLastLineIsKeptAndBlankTrailingLinesWarnNothing() throws Exception {
        assertThat(logRecords("a.tsv", "step\tacc\n4\t0.95\n")).hasSize(2);
        assertThat(logRecords("b.tsv", "step\tacc\n4\t0.95\n\n")).hasSize(2);
        assertThat(logRecords("c.tsv", "step\tacc\r\r\n4\t0.95\r\r\n")).hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void pythonWindowsLineEndsCountOneLineEach() throws Exception {
        Path f = tmp.resolve("w.csv");
        Files.writeString(f, "a,b\r\r\n1,2\r\r\n3,4\r\r\n");
        try (DelimitedTextReader r = DelimitedTextReader.csv(f.toString()).collapseLineEnds().open(f)) {
            r.next();
            r.next();
            assertThat(r.next()).containsExactly("3", "4");
            assertThat(r.line()).isEqualTo(3);
        }
    }

    @Test
    void flippedBytesNameTheFileLineAndByteOffset() throws Exception {
        byte[] text = "epoch,loss\n0,0.5\n1,0.4\n2,0.3\n".getBytes(StandardCharsets.UTF_8);
        text[19] = (byte) 0xFF; // inside line 3
        Path f = tmp.resolve("flipped.csv");
        Files.write(f, text);
        assertThatThrownBy(() -> {
            try (DelimitedTextReader r = DelimitedTextReader.csv(f.toString()).open(f)) {
                r.readAll();
            }
        }).isInstanceOf(LogFileException.class).hasMessageContaining(f + ": line 3")
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("0xFF").hasMessageContaining("byte 20");
    }

    @Test
    void numbersFollowOneRuleAndNeverBecomeInfinityFromALiteral() throws Exception {
        try (DelimitedTextReader r = DelimitedTextReader.csv("n.csv")
                .open(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)))) {
            r.next();
            r.next();
            assertThat(r.number("a", "-1.5e-3")).isEqualTo(-1.5e-3);
            assertThat(r.number("a", "nan")).isNaN();
            assertThat(r.number("a", "-inf")).isInfinite();
            for (String bad : new String[] {"1e400", "-1e400", "abc", "0x10", "1.0f", "1d", "", "1e", "--1", "1,5"}) {
                assertThatThrownBy(() -> r.number("a", bad)).as(bad).isInstanceOf(LogFileException.class)
                        .hasMessageStartingWith("n.csv: line 2: column 'a': '" + bad + "'");
            }
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstCell() throws Exception {
        byte[] body = "\uFEFFstep,x\n".getBytes(StandardCharsets.UTF_8);
        try (DelimitedTextReader r = DelimitedTextReader.csv("bom").open(new ByteArrayInputStream(body))) {
            assertThat(r.next()).containsExactly("step", "x");
        }
    }

    @Test
    void peekHeaderNeverThrows() throws Exception {
        Path f = tmp.resolve("h.csv");
        Files.write(f, new byte[] {'a', ',', (byte) 0xC3});
        assertThat(DelimitedTextReader.peekHeader(f, ',')).isNull();
        assertThat(DelimitedTextReader.peekHeader(tmp.resolve("missing.csv"), ',')).isNull();
    }
}
