package dev.cairn.sample;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.importer.RunImporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample external importer: a {@code *.tally} text file is one run, each line {@code metric step value}
 * ({@code #} starts a comment). Shows the whole SPI: probe by name and content, stable ids, progress, cancellation,
 * errors naming file and line.
 */
public final class TallyImporter implements RunImporter {

    @Override
    public String id() {
        return "sample-tally";
    }

    @Override
    public String displayName() {
        return "Tally files (sample plugin)";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public double probe(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".tally") ? 0.9 : 0;
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
        String name = path.getFileName().toString().replaceFirst("\\.tally$", "");
        ImportedRun.Builder run = ImportedRun.builder("tally", ImportedRun.stableId(id(), name)).name(name)
                .sourceRef(path.toAbsolutePath().toString());
        List<String> keys = new ArrayList<>();
        List<long[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                throw new ImportException(path + ": line " + (i + 1) + ": expected 'metric step value'");
            }
            try {
                points.add(new long[] {Long.parseLong(f[1])});
                values.add(Double.parseDouble(f[2]));
                keys.add(f[0]);
            } catch (NumberFormatException e) {
                throw new ImportException(path + ": line " + (i + 1) + ": step or value is not a number");
            }
        }
        for (String key : keys.stream().distinct().toList()) {
            int n = (int) keys.stream().filter(key::equals).count();
            long[] steps = new long[n];
            long[] ts = new long[n];
            double[] v = new double[n];
            int j = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).equals(key)) {
                    steps[j] = points.get(i)[0];
                    v[j++] = values.get(i);
                }
            }
            run.metric(new ImportedSeries(key, steps, ts, v));
        }
        context.progress(1, name);
        sink.write(run.build());
    }
}
