package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.Numbers;
import dev.cairn.plugin.support.SeriesBuffer;
import dev.cairn.plugin.support.SeriesCollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The metrics and plots data files a {@code dvc.yaml} declares that no dvclive folder holds (a dvclive folder's own
 * {@code metrics.json} and {@code plots/metrics} are read with its run), and how they become one run's metrics:
 * <ul>
 *   <li>a metrics file ({@code .json}, {@code .yaml}, {@code .toml}) gives each numeric value, nested keys joined
 *       with {@code /}, as one point at the file's {@code step} (0 without one), unless a plot gives that metric a
 *       series; a raw metric of DVC 0.x (a file holding one number, {@code auc.metric}) is one point at step 0
 *       named after the file's path without extension;</li>
 *   <li>a plots file ({@code .csv}, {@code .tsv}, {@code .json}, {@code .yaml}) gives a series per numeric y column
 *       (the declared {@code y}, else every numeric column but x and {@code timestamp}) at the declared {@code x}
 *       (else {@code step}, else the row index, as DVC draws it); the key is the column's name, or
 *       {@code <file path without extension>/<column>} when two files have that column. A plot whose x is not whole
 *       numbers (an ROC curve) is not a series over steps: it is skipped with a warning;</li>
 *   <li>a declared folder stands for the data files in it; images and files not there (DVC-cached outputs not
 *       checked out) are not data.</li>
 * </ul>
 *
 * @param base    the dvc.yaml's folder
 * @param metrics metrics files to read with their format ({@code json}, {@code yaml}, {@code toml}, {@code raw}), in
 *                declaration order
 * @param plots   plots files to read with their x / y, in declaration order
 * @param skipped warnings about declared files not read (DVC 0.x CSV metrics, templated paths)
 */
record DeclaredOutputs(Path base, List<DvcYaml.Metric> metrics, List<DvcYaml.Plot> plots, List<String> skipped) {

    /**
     * The declared data files of {@code yaml} that exist and no dvclive folder holds. A declared path outside the
     * project (as DVC refuses outputs outside its repository: {@code /}, {@code ../..}, a link out of it) is an
     * error naming the stage file and the path: nothing outside the project is listed or read.
     */
    static DeclaredOutputs of(DvcYaml yaml) throws IOException, LogFileException {
        Path base = yaml.file().toAbsolutePath().normalize().getParent();
        Path project = projectRoot(base);
        for (DvcYaml.Metric m : yaml.metrics()) {
            confine(yaml.file(), project, m.path());
        }
        for (DvcYaml.Plot p : yaml.plots()) {
            confine(yaml.file(), project, p.path());
        }
        List<String> skipped = new ArrayList<>();
        for (String t : yaml.templated()) {
            skipped.add(yaml.file() + ": '" + t + "' names a variable that params.yaml, vars: and foreach do not "
                    + "define; not read");
        }
        Map<Path, DvcYaml.Metric> metrics = new LinkedHashMap<>();
        for (DvcYaml.Metric declared : yaml.metrics()) {
            for (Path f : dataFiles(declared.path())) {
                String format = format(declared, f);
                if (format == null || covered(f, base)) {
                    continue;
                }
                switch (format) {
                    case "csv", "tsv", "hcsv", "htsv" -> skipped.add(f + ": " + format + " metrics of DVC 0.x are not read");
                    default -> metrics.putIfAbsent(f, new DvcYaml.Metric(f, format));
                }
            }
        }
        List<DvcYaml.Plot> plots = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (DvcYaml.Plot declared : yaml.plots()) {
            for (Path f : dataFiles(declared.path())) {
                if (PlotTable.isData(f) && !covered(f, base) && !metrics.containsKey(f) && seen.add(f)) {
                    plots.add(new DvcYaml.Plot(f, declared.x(), declared.y()));
                }
            }
        }
        return new DeclaredOutputs(base, List.copyOf(metrics.values()), plots, skipped);
    }

    /**
     * How a declared metrics file is read: its declared type, else by extension ({@code json}, {@code yaml},
     * {@code toml}); null for a file of neither, which is not read.
     */
    private static String format(DvcYaml.Metric declared, Path f) {
        if (declared.type() != null) {
            return switch (declared.type()) {
                case "yml" -> "yaml";
                case "json", "yaml", "toml", "csv", "tsv", "hcsv", "htsv" -> declared.type();
                default -> "raw"; // DVC 0.x showed a metric of a type it did not know as its text
            };
        }
        String ext = PlotTable.extension(f);
        return switch (ext) {
            case "json", "toml" -> ext;
            case "yaml", "yml" -> "yaml";
            default -> null;
        };
    }

    boolean isEmpty() {
        return metrics.isEmpty() && plots.isEmpty();
    }

    /**
     * Reads every file into {@code out}: plots first, then the metrics no plot has a series for. A file that cannot
     * be read fails the whole run (it is stored whole or not at all); a column or plot that is not a series is
     * skipped with a warning naming the file.
     */
    void read(SeriesCollector out, Consumer<String> warnings) throws IOException, LogFileException {
        skipped.forEach(warnings);
        List<Column> columns = new ArrayList<>();
        for (DvcYaml.Plot plot : plots) {
            columns.addAll(columns(PlotTable.read(plot.path(), warnings), plot, warnings));
        }
        Map<String, Integer> uses = new HashMap<>();
        for (Column c : columns) {
            uses.merge(c.name, 1, Integer::sum);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Column c : columns) {
            String key = uses.get(c.name) > 1 ? withoutExtension(base.relativize(c.file)) + "/" + c.name : c.name;
            keys.add(key);
            ImportedSeries points = c.points.toSeries(key);
            for (int i = 0; i < points.steps().length; i++) {
                out.add(key, points.steps()[i], points.timestamps()[i], points.values()[i]);
            }
        }
        Map<String, Path> from = new HashMap<>();
        for (DvcYaml.Metric metric : metrics) {
            Path file = metric.path();
            Long fileStep;
            Map<String, Double> values;
            if (metric.type().equals("raw")) {
                Double v = raw(file, warnings);
                if (v == null) {
                    continue;
                }
                fileStep = null;
                values = Map.of(withoutExtension(base.relativize(file)), v);
            } else {
                SummaryJson summary = SummaryJson.read(file, metric.type());
                fileStep = summary.step();
                values = summary.values();
            }
            long step = fileStep == null ? 0 : fileStep;
            for (Map.Entry<String, Double> e : values.entrySet()) {
                Path first = from.putIfAbsent(e.getKey(), file);
                if (first != null) {
                    warnings.accept(file + ": metric '" + e.getKey() + "' is also in " + first + "; kept the value of "
                            + first);
                } else if (!keys.contains(e.getKey())) {
                    out.add(e.getKey(), step, 0L, e.getValue());
                }
            }
        }
    }

    /**
     * A raw metric of DVC 0.x: the file's text is one number (Python's spellings too); anything else is a warning
     * naming the file and the metric is not read (DVC 0.x showed such a file as text).
     */
    private static Double raw(Path file, Consumer<String> warnings) throws IOException {
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            warnings.accept(file + ": line 1: a raw metric is one number, not '" + shown.replaceAll("\\s+", " ")
                    + "'; not read");
            return null;
        }
    }

    /** One y column of one plots file, as points. */
    private static final class Column {
        final Path file;
        final String name;
        final SeriesBuffer points = new SeriesBuffer();

        Column(Path file, String name) {
            this.file = file;
            this.name = name;
        }
    }

    private static List<Column> columns(PlotTable table, DvcYaml.Plot plot, Consumer<String> warnings) {
        List<String> names = table.columns();
        String xName = plot.x() != null ? plot.x() : names.contains("step") ? "step" : null;
        int x = xName == null ? -1 : names.indexOf(xName);
        if (xName != null && x < 0) {
            warnings.accept(table.file() + ": no column '" + xName + "' (the plot's x); plot not read");
            return List.of();
        }
        int ts = names.indexOf("timestamp") == x ? -1 : names.indexOf("timestamp");
        List<Integer> ys = new ArrayList<>();
        if (plot.y().isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                if (i != x && i != ts && numericAtFirst(table, i)) {
                    ys.add(i);
                }
            }
        } else {
            for (String y : plot.y()) {
                if (names.contains(y)) {
                    ys.add(names.indexOf(y));
                } else {
                    warnings.accept(table.file() + ": no column '" + y + "' (a y of the plot); not read");
                }
            }
        }
        long[] steps = new long[table.rows().size()];
        long[] times = new long[steps.length];
        for (int r = 0; r < steps.length; r++) {
            String[] row = table.rows().get(r);
            OptionalWhole s = x < 0 ? new OptionalWhole(r, null) : whole(row[x]);
            if (s.problem != null) {
                warnings.accept(table.where(r) + ": x column '" + xName + "': " + s.problem
                        + "; not a series over steps, plot not read");
                return List.of();
            }
            steps[r] = s.value;
            OptionalWhole t = ts < 0 ? new OptionalWhole(0, null) : whole(row[ts]);
            times[r] = t.problem == null ? t.value : 0;
        }
        List<Column> out = new ArrayList<>();
        columns:
        for (int y : ys) {
            Column c = new Column(table.file(), names.get(y));
            for (int r = 0; r < steps.length; r++) {
                String[] row = table.rows().get(r);
                if (row[y].isBlank() || (x >= 0 && row[x].isBlank())) {
                    continue;
                }
                try {
                    c.points.add(steps[r], times[r], Numbers.parse(row[y]));
                } catch (NumberFormatException e) {
                    warnings.accept(table.where(r) + ": column '" + names.get(y) + "': " + e.getMessage()
                            + "; column not read");
                    continue columns;
                }
            }
            out.add(c);
        }
        return out;
    }

    private record OptionalWhole(long value, String problem) {
    }

    private static OptionalWhole whole(String cell) {
        if (cell.isBlank()) {
            return new OptionalWhole(0, null);
        }
        try {
            double v = Numbers.parse(cell);
            if (v != Math.rint(v) || Double.isInfinite(v) || Math.abs(v) > 9.007199254740992E15) {
                return new OptionalWhole(0, "'" + cell + "' is not a whole number");
            }
            return new OptionalWhole((long) v, null);
        } catch (NumberFormatException e) {
            return new OptionalWhole(0, e.getMessage());
        }
    }

    /** A column is numeric when its first non-blank cell is a number (text columns, e.g. labels, are not series). */
    private static boolean numericAtFirst(PlotTable table, int column) {
        for (String[] row : table.rows()) {
            if (!row[column].isBlank()) {
                try {
                    Numbers.parse(row[column]);
                    return true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String withoutExtension(Path relative) {
        String s = relative.toString().replace('\\', '/');
        int dot = s.lastIndexOf('.');
        return dot > s.lastIndexOf('/') ? s.substring(0, dot) : s;
    }

    /**
     * The project a stage file's paths stay in: the DVC repository holding {@code base} (the nearest folder with a
     * {@code .dvc} folder), else {@code base}, the stage file's own folder.
     */
    static Path projectRoot(Path base) {
        for (Path d = base; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".dvc"))) {
                return d;
            }
        }
        return base;
    }

    /** Refuses a declared path outside {@code project}, as written and as it resolves through links. */
    private static void confine(Path stageFile, Path project, Path declared) throws IOException, LogFileException {
        boolean inside = declared.startsWith(project);
        if (inside && Files.exists(declared)) {
            inside = declared.toRealPath().startsWith(project.toRealPath());
        }
        if (!inside) {
            throw new LogFileException(stageFile, lineDeclaring(stageFile, declared), "metrics or plots path "
                    + declared + " is outside the project folder " + project + "; DVC reads outputs inside it only");
        }
    }

    /** The 1-based line of {@code stageFile} whose path item resolves to {@code declared}; 1 when none does. */
    private static long lineDeclaring(Path stageFile, Path declared) {
        Path base = stageFile.toAbsolutePath().normalize().getParent();
        try (Stream<String> lines = Files.lines(stageFile)) {
            List<String> all = lines.toList();
            for (int i = 0; i < all.size(); i++) {
                String item = all.get(i).strip().replaceFirst("^-\\s*", "").replaceFirst(":\\s*$", "")
                        .replaceFirst("^path:\\s*", "").replace("\"", "").replace("'", "");
                if (!item.isEmpty() && base.resolve(item).normalize().equals(declared)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the error still names the file and the path
        }
        return 1;
    }

    /**
     * The files a declared path stands for: itself, or the files under a folder, sorted; none when absent. A
     * folder that cannot be listed is an {@link IOException} naming it.
     */
    private static List<Path> dataFiles(Path declared) throws IOException {
        if (Files.isRegularFile(declared)) {
            return List.of(declared);
        }
        if (!Files.isDirectory(declared)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(declared)) {
            return files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * True when a dvclive folder reads {@code file}: it is under a dvclive folder's metrics or is its summary
     * (looking up to the dvc.yaml's folder), or the 0.x summary {@code <dir>.json} beside a {@code <dir>/scalars}.
     */
    static boolean covered(Path file, Path base) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(".json")) {
            Optional<DvcLiveRun> beside = DvcLiveRun.detect(file.resolveSibling(name.substring(0, name.length() - 5)));
            if (beside.flatMap(DvcLiveRun::summary).filter(file::equals).isPresent()) {
                return true;
            }
        }
        for (Path d = file.getParent(); d != null; d = d.getParent()) {
            Optional<DvcLiveRun> run = DvcLiveRun.detect(d);
            if (run.isPresent() && (file.startsWith(run.get().seriesRoot())
                    || run.get().summary().filter(file::equals).isPresent())) {
                return true;
            }
            if (base.startsWith(d)) {
                break;
            }
        }
        return false;
    }
}
