package dev.cairn.store.drift;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.NewModelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    private static CsvRecordReader open(Path file) throws IOException {
        return new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    private static List<Rec> read(Path file) throws IOException {
        CsvRecordReader csv = open(file);
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
                store.drift().setReference("m", 1, file, ProfileOptions.defaults());
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
            return store.drift().setReference("m", 1, file, ProfileOptions.defaults());
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
}
