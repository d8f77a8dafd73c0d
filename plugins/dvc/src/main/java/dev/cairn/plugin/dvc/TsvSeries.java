package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.DelimitedTextReader;
import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.SeriesCollector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one dvclive metric file: tab-separated with a header naming {@code step}, optionally {@code timestamp}
 * (ms since the epoch, dvclive 0.x), and one value column whose name may or may not carry the metric's folder
 * prefix ({@code train/acc} or {@code acc}); the metric key comes from the file's path, not the header. Read by
 * the shared {@link DelimitedTextReader}: a last line without its line end (dvclive still writing) is dropped with a
 * warning naming file and line; a cell that is not a number is an error naming file and line.
 */
final class TsvSeries {
    private TsvSeries() {
    }

    static void read(Path file, String key, SeriesCollector out, Consumer<String> warnings)
            throws IOException, LogFileException {
        try (DelimitedTextReader in = DelimitedTextReader.tsv(String.valueOf(file)).trimCells().skipBlankLines()
                .collapseLineEnds().dropIncompleteLastLine(warnings).open(file)) {
            String[] header = in.next();
            if (header == null) {
                throw new LogFileException(file, 1, "empty file, no header");
            }
            int step = -1;
            int timestamp = -1;
            int value = -1;
            for (int i = 0; i < header.length; i++) {
                switch (header[i].toLowerCase(Locale.ROOT)) {
                    case "step" -> step = i;
                    case "timestamp" -> timestamp = i;
                    default -> value = i;
                }
            }
            if (value < 0) {
                throw in.error("header has no value column (expected e.g. 'step<TAB>" + key + "')");
            }
            long row = 0;
            for (String[] cells = in.next(); cells != null; cells = in.next(), row++) {
                if (cells.length != header.length) {
                    throw in.error("line has " + cells.length + " cells but the header has " + header.length);
                }
                long s = step >= 0 ? whole(in, header[step], cells[step]) : row;
                long t = timestamp >= 0 ? whole(in, header[timestamp], cells[timestamp]) : 0L;
                out.add(key, s, t, in.number(header[value], cells[value]));
            }
        }
    }

    private static long whole(DelimitedTextReader in, String column, String cell) throws LogFileException {
        double v = in.number(column, cell);
        if (v != Math.rint(v) || Double.isInfinite(v) || Math.abs(v) > 9.007199254740992E15) {
            throw in.error("column '" + column + "': '" + cell + "' is not a whole number");
        }
        return (long) v;
    }
}
