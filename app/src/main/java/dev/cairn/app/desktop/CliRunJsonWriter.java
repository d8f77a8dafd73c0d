package dev.cairn.app.desktop;

import dev.cairn.app.cli.Json;
import dev.cairn.store.model.RunDetails;
import dev.cairn.viewer.runs.RunJsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exports runs in exactly the shape of {@code cairn runs --json} (shared {@link Json#run}). */
final class CliRunJsonWriter implements RunJsonWriter {
    @Override
    public void write(List<RunDetails> runs, Writer out) throws IOException {
        List<Map<String, Object>> shaped = new ArrayList<>(runs.size());
        for (RunDetails d : runs) {
            shaped.add(Json.run(d));
        }
        out.write(Json.write(shaped));
        out.write(System.lineSeparator());
    }
}
