package dev.cairn.store.profiling;

import dev.cairn.store.DriftData;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetFormatException;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV reading on real files: records, the line each starts on, and the errors a malformed file gives. */
class CsvRecordReaderTest {
    @TempDir
    Path dir;

    /** One record and the line it starts on. */
    record Rec(long line, List<String> cells) {
        static Rec of(long line, String... cells) {
            return new Rec(line, List.of(cells));
        }
    }

    private Path file(String name, String content) throws IOException {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** The records of {@code file}, read as {@link DriftData} reads a file. */
    private static List<Rec> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             CsvRecordReader csv = new CsvRecordReader(in, file.getFileName().toString())) {
            return all(csv);
        }
    }

    private static List<Rec> all(CsvRecordReader csv) throws IOException {
        List<Rec> out = new ArrayList<>();
        String[] cells;
        while ((cells = csv.next()) != null) {
            out.add(new Rec(csv.recordLine(), List.of(cells)));
        }
        return out;
    }

    /** Profiles {@code file} as the reference of a fresh model version; returns the error or null. */
    private DatasetFormatException storeError(Path file) {
        try (TrackingStore store = TrackingStore.open(dir.resolve("t" + System.nanoTime() + ".db"))) {
            store.registry().register(NewModelVersion.of("m"), ChangeOptions.by("t"));
            try {
                new DriftDatasets(store.drift()).setReference("m", 1, file, ProfileOptions.defaults());
                return null;
            } catch (DatasetFormatException e) {
                assertThat(store.drift().reference("m", 1)).as("nothing stored").isEmpty();
                return e;
            }
        }
    }

    private DatasetProfile store(Path file) {
        try (TrackingStore store = TrackingStore.open(dir.resolve("t" + System.nanoTime() + ".db"))) {
            store.registry().register(NewModelVersion.of("m"), ChangeOptions.by("t"));
            return new DriftDatasets(store.drift()).setReference("m", 1, file, ProfileOptions.defaults());
        }
    }

    @Test
    void headerAndQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() throws IOException {
        Path f = file("q.csv", "a,b,c\n"
                + "1,\"x, y\",2\n"
                + "3,\"multi\nline\ntext\",4\n"
                + "5,\"say \"\"hi\"\"\",6\n"
                + "7,,\n"
                + "\"\",\"\",\"\"\"\"\n");
        assertThat(read(f)).containsExactly(
                Rec.of(1, "a", "b", "c"),
                Rec.of(2, "1", "x, y", "2"),
                Rec.of(3, "3", "multi\nline\ntext", "4"),
                Rec.of(6, "5", "say \"hi\"", "6"),
                Rec.of(7, "7", "", ""),
                Rec.of(8, "", "", "\""));
    }

    @Test
    void crlfLineEndsAndCrlfInsideQuotes() throws IOException {
        Path f = file("crlf.csv", "a,b\r\n1,2\r\n\"two\r\nlines\",3\r\n4,5\r\n");
        assertThat(read(f)).containsExactly(
                Rec.of(1, "a", "b"),
                Rec.of(2, "1", "2"),
                Rec.of(3, "two\r\nlines", "3"),
                Rec.of(5, "4", "5"));
    }

    @Test
    void blankLineIsOneEmptyFieldAndTheLastLineNeedsNoLineEnd() throws IOException {
        assertThat(read(file("b.csv", "a,b\n\n1,2\n3,4"))).containsExactly(
                Rec.of(1, "a", "b"), Rec.of(2, ""), Rec.of(3, "1", "2"), Rec.of(4, "3", "4"));
        assertThat(read(file("e.csv", ""))).isEmpty();
        assertThat(read(file("t.csv", "a,b,\n1,,\n"))).containsExactly(Rec.of(1, "a", "b", ""), Rec.of(2, "1", "", ""));
    }

    @Test
    void spacesAndBackslashesAreKept() throws IOException {
        assertThat(read(file("s.csv", " a , b\\n ,c\\\\\n"))).containsExactly(Rec.of(1, " a ", " b\\n ", "c\\\\"));
    }

    @Test
    void emptyCellsAreMissing() throws IOException {
        DatasetProfile p = store(file("m.csv", "x,c\n1,a\n,\n3,\"\"\n"));
        assertThat(p.rowCount()).isEqualTo(3);
        assertThat(p.column("x").orElseThrow().missing()).isEqualTo(1);
        assertThat(p.column("c").orElseThrow().missing()).isEqualTo(2);
    }

    @Test
    void byteOrderMarkAtFileStartIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] body = "age,plan\n30,pro\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        DatasetProfile p = store(bytes("bom.csv", withBom));
        assertThat(p.columns()).extracting(ColumnProfile::name).containsExactly("age", "plan");
        assertThat(p.column("age").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void unterminatedQuoteAtEndOfFileNamesTheLineWhereTheFieldStarts() throws IOException {
        DatasetFormatException e = storeError(file("u.csv", "a,b\n1,2\n3,\"open\nstill open\n"));
        assertThat(e).isNotNull().hasMessageContaining("u.csv, line 3").hasMessageContaining("never closed");
        assertThat(e.line()).isEqualTo(3);
        assertThat(storeError(file("u2.csv", "a,b\n1,\"x\"\"")).line()).isEqualTo(2);
    }

    @Test
    void rowsWithTooManyOrTooFewCellsNameTheLine() throws IOException {
        assertThat(storeError(file("many.csv", "a,b\n1,2\n3,4,5\n")))
                .hasMessageContaining("many.csv, line 3").hasMessageContaining("3 fields but the header has 2");
        assertThat(storeError(file("few.csv", "a,b,c\n1,2,3\n4,5\n")))
                .hasMessageContaining("few.csv, line 3").hasMessageContaining("2 fields but the header has 3");
        assertThat(storeError(file("crlf.csv", "a,b\r\n1,2\r\n3\r\n")))
                .hasMessageContaining("crlf.csv, line 3");
    }

    @Test
    void linesAfterAQuotedFieldSpanningLinesStayRight() throws IOException {
        assertThat(storeError(file("span.csv", "a,b\n\"one\ntwo\nthree\",1\n2\n")))
                .hasMessageContaining("span.csv, line 5").hasMessageContaining("1 fields");
        assertThat(storeError(file("spancrlf.csv", "a,b\r\n\"one\r\ntwo\",1\r\n2,x\r\n3\r\n")))
                .hasMessageContaining("spancrlf.csv, line 5");
        StringBuilder many = new StringBuilder("a,b\n");
        for (int i = 0; i < 3000; i++) {
            many.append(i).append(",\"first\nsecond, \"\"quoted\"\"\nthird\"\n");
        }
        many.append("oops,x\n");
        assertThat(storeError(file("spanmany.csv", many.toString())))
                .hasMessageContaining("spanmany.csv, line 9002").hasMessageContaining("'oops'");
    }

    @Test
    void aLineBreakInsideQuotesIsCountedOnceWhereverItFallsInTheBuffers() throws IOException {
        for (String nl : new String[] {"\n", "\r\n", "\r"}) {
            for (int at = 0; at < 4200; at++) {
                String text = "a,b" + nl + "1,\"" + "x".repeat(at) + nl + "y\"" + nl + "2,3" + nl;
                try (CsvRecordReader csv = new CsvRecordReader(new StringReader(text), "s")) {
                    List<Rec> records = all(csv);
                    assertThat(records.get(2)).as("line break after %d characters", at).isEqualTo(Rec.of(4, "2", "3"));
                    assertThat(records.get(1).cells().get(1)).isEqualTo("x".repeat(at) + nl + "y");
                }
            }
        }
    }

    @Test
    void aQuotedFirstColumnNameAfterAByteOrderMark() throws IOException {
        assertThat(read(file("bomq.csv", "\uFEFF\"a b\",c\n1,2\n"))).containsExactly(Rec.of(1, "a b", "c"), Rec.of(2, "1", "2"));
        try (CsvRecordReader csv = new CsvRecordReader(new StringReader("\uFEFFa\n1\n"), "reader")) {
            assertThat(all(csv)).containsExactly(Rec.of(1, "a"), Rec.of(2, "1"));
        }
        assertThat(read(file("bomonly.csv", "\uFEFF"))).isEmpty();
    }

    @Test
    void invalidUtf8NamesTheLineOfTheBadByte() throws IOException {
        byte[] bad = {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0xFF, 'x', '\n', '4', ',', '5', '\n'};
        DatasetFormatException e = storeError(bytes("bad.csv", bad));
        assertThat(e).isNotNull().hasMessageContaining("bad.csv, line 3").hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("0xFF").hasMessageContaining("byte 11 of the file")
                .hasMessageNotContaining("MalformedInput");
        assertThat(e.line()).isEqualTo(3);

        byte[] truncated = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        assertThat(storeError(bytes("end.csv", Arrays.copyOf(truncated, truncated.length - 2))))
                .hasMessageContaining("end.csv, line 2").hasMessageContaining("0xC3");
        assertThat(storeError(bytes("first.csv", new byte[] {(byte) 0xC0, 'a', '\n', '1', '\n'})))
                .hasMessageContaining("first.csv, line 1").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void invalidUtf8LineIsExactAfterSpanningFieldsAndBufferBoundaries() throws IOException {
        for (int lines : new int[] {1, 7, 1999, 40_000}) {
            StringBuilder text = new StringBuilder("a,b\n\"x\r\ny\",1\r\n");
            for (int i = 0; i < lines; i++) {
                text.append(i).append(",caf\u00e9 ").append(i % 10 == 0 ? "\"\"" : "").append('\n');
            }
            byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(head, head.length + 4);
            all[head.length] = '9';
            all[head.length + 1] = ',';
            all[head.length + 2] = (byte) 0xE9;
            all[head.length + 3] = '\n';
            Path f = bytes("deep" + lines + ".csv", all);
            long expected = 4 + lines;
            assertThat(storeError(f)).as("%d lines", lines).isNotNull()
                    .hasMessageContaining(", line " + expected + ": the file is not valid UTF-8")
                    .hasMessageContaining(String.format(Locale.ROOT, "byte %,d of the file", head.length + 3));
        }
    }

    @Test
    void undecodableTextFromACallersReaderIsAFormatError() {
        Reader failing = new Reader() {
            private final String text = "a\n1\n";
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (at == text.length()) {
                    throw new MalformedInputException(1);
                }
                int n = Math.min(len, text.length() - at);
                text.getChars(at, at + n, cbuf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> {
            try (CsvRecordReader csv = new CsvRecordReader(failing, "given")) {
                all(csv);
            }
        }).isInstanceOf(DatasetFormatException.class).hasMessageContaining("given, line 3")
                .hasMessageContaining("cannot be decoded");
    }

    @Test
    void textAfterAClosingQuoteNamesTheLine() throws IOException {
        assertThat(storeError(file("after.csv", "a,b\n1,2\n\"x\ny\"z,3\n")))
                .hasMessageContaining("after.csv, line 4").hasMessageContaining("field 1 has text after its closing quote");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKept() throws IOException {
        assertThat(read(file("inch.csv", "size,n\n5\" screen,1\n"))).containsExactly(Rec.of(1, "size", "n"),
                Rec.of(2, "5\" screen", "1"));
    }

    @Test
    void aQuoteNeverClosedInABigFileStopsAtTheFieldLengthLimit() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n1,2\n3,\"oops\n");
        String row = "123456789,abcdefghijklmnopqrstuvwxyz\n";
        while (text.length() < 20_500_000) {
            text.append(row);
        }
        assertThat(storeError(file("long.csv", text.toString()))).hasMessageContaining("long.csv, line 3")
                .hasMessageContaining("field 2 is longer than 20,000,000 characters")
                .hasMessageContaining("never closed");
    }

    @Test
    void recordsAreStreamedNotRead() throws IOException {
        int rows = 1_000_000;
        int columns = 50;
        long[] served = {0};
        String[] lines = new String[1001];
        for (int r = 0; r < lines.length; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? "" : ",").append(r == 0 ? "c" + c : Integer.toString(r + c));
            }
            lines[r] = line.append('\n').toString();
        }
        Reader generated = new Reader() {
            private String line = "";
            private int row = -1;
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) {
                int n = 0;
                while (n < len) {
                    if (at == line.length()) {
                        if (row == rows) {
                            break;
                        }
                        row++;
                        line = lines[row == 0 ? 0 : 1 + row % 1000];
                        at = 0;
                    }
                    int k = Math.min(len - n, line.length() - at);
                    line.getChars(at, at + k, cbuf, off + n);
                    at += k;
                    n += k;
                }
                served[0] += n;
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {
            }
        };
        long parsed = 0;
        long records = 0;
        try (CsvRecordReader csv = new CsvRecordReader(generated, "generated")) {
            String[] cells;
            while ((cells = csv.next()) != null) {
                records++;
                for (String cell : cells) {
                    parsed += cell.length() + 1;
                }
                if (cells.length != columns || records % 10_000 == 1) {
                    assertThat(cells).hasSize(columns);
                    assertThat(served[0] - parsed).as("read ahead at record %d", records).isLessThan(1 << 16);
                    assertThat(csv.recordLine()).isEqualTo(records);
                }
            }
        }
        assertThat(records).isEqualTo(rows + 1);
        assertThat(parsed).isEqualTo(served[0]);
    }
}
