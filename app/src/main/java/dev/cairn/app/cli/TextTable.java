package dev.cairn.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain aligned text table for terminal output. */
public final class TextTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header;
    }

    public void row(String... cells) {
        rows.add(cells);
    }

    public void print(PrintWriter out) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.min(60, Math.max(widths[i], r[i] == null ? 1 : r[i].length()));
            }
        }
        line(out, header, widths);
        for (String[] r : rows) {
            line(out, r, widths);
        }
        out.flush();
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "-" : cells[i];
            if (c.length() > widths[i]) {
                c = c.substring(0, widths[i] - 1) + "…";
            }
            sb.append(c);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - c.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    public static String time(Long ms) {
        return ms == null ? "-" : TIME.format(Instant.ofEpochMilli(ms));
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
