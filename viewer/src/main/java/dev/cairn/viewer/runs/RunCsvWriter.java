package dev.cairn.viewer.runs;

import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes runs as CSV (RFC 4180): attributes, then one column per param ({@code params.lr}), per metric aggregate
 * ({@code metrics.loss.last}, {@code .min}, {@code .max}) and per tag ({@code tags.team}), over the union of keys.
 */
public final class RunCsvWriter {
    private static final List<String> ATTRIBUTES = List.of("id", "experiment", "name", "status", "lifecycle",
            "start_time", "end_time", "duration_ms", "user", "parent_id");

    private RunCsvWriter() {
    }

    public static void write(List<RunDetails> runs, Writer out) throws IOException {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        for (RunDetails d : runs) {
            params.addAll(d.params().keySet());
            metrics.addAll(d.metrics().keySet());
            tags.addAll(d.tags().keySet());
        }
        List<String> header = new ArrayList<>(ATTRIBUTES);
        params.forEach(k -> header.add("params." + k));
        for (String k : metrics) {
            header.add("metrics." + k + ".last");
            header.add("metrics." + k + ".min");
            header.add("metrics." + k + ".max");
        }
        tags.forEach(k -> header.add("tags." + k));
        line(out, header);
        for (RunDetails d : runs) {
            List<String> cells = new ArrayList<>(header.size());
            var r = d.run();
            cells.add(r.id());
            cells.add(r.experimentName());
            cells.add(r.name());
            cells.add(r.status().name());
            cells.add(r.lifecycle().label());
            cells.add(r.startMs() == null ? "" : java.time.Instant.ofEpochMilli(r.startMs()).toString());
            cells.add(r.endMs() == null ? "" : java.time.Instant.ofEpochMilli(r.endMs()).toString());
            cells.add(r.startMs() != null && r.endMs() != null ? Long.toString(r.endMs() - r.startMs()) : "");
            cells.add(r.user());
            cells.add(r.parentId());
            params.forEach(k -> cells.add(d.params().get(k)));
            for (String k : metrics) {
                MetricSummary s = d.metrics().get(k);
                cells.add(s == null ? "" : Double.toString(s.last()));
                cells.add(s == null ? "" : Double.toString(s.min()));
                cells.add(s == null ? "" : Double.toString(s.max()));
            }
            tags.forEach(k -> cells.add(d.tags().get(k)));
            line(out, cells);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
