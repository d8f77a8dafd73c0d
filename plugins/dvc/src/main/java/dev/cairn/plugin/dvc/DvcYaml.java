package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.YamlFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a folder's DVC stage files declare as metrics and plots, resolved as DVC resolves them: every path is relative
 * to the folder holding the stage file (and to a stage's {@code wdir} below it). The stage files are the folder's
 * {@code dvc.yaml} and, from DVC 0.x, its single-stage files ({@code Dvcfile}, {@code *.dvc}) whose {@code outs}
 * marked as {@code metric: true} (or {@code metric: {type: json, xpath: ...}}) are metrics files; a {@code dvc.yaml}
 * stage's outs marked so are metrics too. Read from the top-level {@code metrics:} and {@code plots:} lists (DVC 3;
 * a plots mapping of DVC 2 too) and from each stage's {@code metrics:} and {@code plots:} outputs (plain paths or
 * {@code {path: {cache: false, x: ..., y: ...}}}; a {@code foreach}/{@code matrix} stage's {@code do:} body). A
 * top-level plot whose {@code y} is a mapping is a plot id naming its files ({@code y: {logs/train.tsv: loss}}).
 * Paths with {@code ${...}} are resolved by DVC's templating ({@link DvcTemplates}: params.yaml, {@code vars:},
 * {@code foreach}, {@code matrix}); one naming something undefined is reported in {@link #templated()}.
 *
 * @param file      the dvc.yaml, else the folder's first single-stage file (see {@link #declarationIn})
 * @param metrics   declared metrics files (or folders), absolute and normalised, with their declared type
 * @param plots     declared plots files or folders with their x / y columns
 * @param templated paths left unresolved: their {@code ${...}} names nothing defined
 */
record DvcYaml(Path file, List<Metric> metrics, List<Plot> plots, List<String> templated) {
    static final String NAME = "dvc.yaml";
    /** DVC 0.x's default single-stage file name; others end with {@code .dvc}. */
    static final String DVCFILE = "Dvcfile";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * A declared plot source.
     *
     * @param path a data file or a folder of them
     * @param x    the x column, or null for DVC's default ({@code step} when present, else the row index)
     * @param y    the y columns; empty for every numeric column
     */
    record Plot(Path path, String x, List<String> y) {
    }

    /**
     * A declared metrics file.
     *
     * @param path a metrics file or a folder of them
     * @param type the format a DVC 0.x stage file gives it ({@code json}, {@code raw}, {@code csv}, ...), or null
     *             to go by the file's extension
     */
    record Metric(Path path, String type) {
    }

    /**
     * The file standing for the declarations of {@code dir}: its dvc.yaml, else its first single-stage file of DVC
     * 0.x by name ({@code Dvcfile}, {@code *.dvc}); null when it has neither.
     */
    static Path declarationIn(Path dir) throws IOException {
        Path yaml = dir.resolve(NAME);
        if (Files.isRegularFile(yaml)) {
            return yaml;
        }
        List<Path> legacy = stageFiles(dir);
        return legacy.isEmpty() ? null : legacy.get(0);
    }

    /** True when {@code file} is a dvc.yaml or a DVC 0.x single-stage file. */
    static boolean isStageFile(Path file) {
        String name = String.valueOf(file.getFileName());
        return (name.equals(NAME) || isLegacyName(name)) && Files.isRegularFile(file);
    }

    private static boolean isLegacyName(String name) {
        return name.equals(DVCFILE) || name.endsWith(".dvc") && name.length() > 4;
    }

    /** The DVC 0.x single-stage files of {@code dir}, sorted by name. */
    private static List<Path> stageFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> isLegacyName(String.valueOf(f.getFileName())) && Files.isRegularFile(f))
                    .sorted(java.util.Comparator.comparing(f -> String.valueOf(f.getFileName()))).toList();
        }
    }

    /**
     * The declarations of {@code file}'s folder: {@code file} read as a dvc.yaml (a DVC 0.x stage file given stands
     * for the folder's dvc.yaml, if any) and the folder's DVC 0.x single-stage files. A file that is not YAML names
     * itself and its line.
     */
    static DvcYaml read(Path file) throws IOException, LogFileException {
        Path base = file.toAbsolutePath().normalize().getParent();
        Path yaml = !isLegacyName(String.valueOf(file.getFileName())) ? file
                : Files.isRegularFile(base.resolve(NAME)) ? base.resolve(NAME) : null;
        DvcYaml out = new DvcYaml(yaml != null ? yaml : file, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (yaml != null) {
            out.readYaml(yaml, base);
        }
        for (Path legacy : stageFiles(base)) {
            out.readLegacy(legacy, base);
        }
        return out;
    }

    private void readYaml(Path file, Path base) throws IOException, LogFileException {
        JsonNode root = YamlFiles.read(file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a mapping (stages:, metrics:, plots:)");
        }
        ObjectNode globals = DvcTemplates.globals(root, base);
        metricsFrom(base, root.path("metrics"), globals);
        plotsFrom(base, root.path("plots"), true, globals);
        for (JsonNode stage : iterable(root.path("stages").elements())) {
            JsonNode body = stage.has("do") ? stage.path("do") : stage;
            List<JsonNode> runs = DvcTemplates.iterations(stage, globals);
            if (runs.isEmpty()) { // a foreach / matrix over something not defined
                unresolved(body.path("metrics"));
                unresolved(body.path("plots"));
            }
            for (JsonNode ctx : runs) {
                Path dir = wdir(base, body, ctx);
                if (dir == null) {
                    continue;
                }
                metricsFrom(dir, body.path("metrics"), ctx);
                plotsFrom(dir, body.path("plots"), false, ctx);
                metricOuts(dir, body.path("outs"), ctx);
            }
        }
    }

    /**
     * A DVC 0.x single-stage file ({@code cmd:, deps:, outs:, wdir:}): each out with {@code metric: true} or
     * {@code metric: {type: ..., xpath: ...}} is a metrics file, relative to {@code wdir}.
     */
    private void readLegacy(Path file, Path base) throws IOException, LogFileException {
        JsonNode root = YamlFiles.read(file);
        if (root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a DVC stage file mapping (cmd:, deps:, outs:)");
        }
        Path dir = wdir(base, root, YAML.nullNode());
        if (dir != null) {
            metricOuts(dir, root.path("outs"), YAML.nullNode());
        }
    }

    /** A stage's working folder: its {@code wdir} below {@code base} (templated too), or {@code base}. */
    private Path wdir(Path base, JsonNode stage, JsonNode ctx) {
        JsonNode wdir = stage.path("wdir");
        return wdir.isTextual() ? resolve(base, wdir.asText(), ctx) : base;
    }

    /**
     * Outs marked as metrics: {@code - path: m.json} with {@code metric: true} (DVC 0.x) or
     * {@code - m.json: {metric: true}}; a {@code metric: {type: raw}} keeps its type.
     */
    private void metricOuts(Path base, JsonNode outs, JsonNode ctx) {
        for (JsonNode item : entries(outs)) {
            if (!item.isObject()) {
                continue;
            }
            String path;
            JsonNode metric;
            if (item.path("path").isTextual()) {
                path = item.path("path").asText();
                metric = item.path("metric");
            } else {
                path = firstKey(item);
                metric = path == null ? YAML.missingNode() : item.path(path).path("metric");
            }
            boolean marked = metric.isObject() || metric.asBoolean(false);
            String type = metric.path("type").isTextual() ? metric.path("type").asText().toLowerCase(
                    java.util.Locale.ROOT) : null;
            Path resolved = marked ? resolve(base, path, ctx) : null;
            if (resolved != null) {
                // DVC 0.x showed a metric of no type and no known extension as its text: a raw metric
                boolean known = List.of("json", "yaml", "yml", "toml").contains(PlotTable.extension(resolved));
                metrics.add(new Metric(resolved, type == null && !known ? "raw" : type));
            }
        }
    }

    /** True when nothing is declared. */
    boolean isEmpty() {
        return metrics.isEmpty() && plots.isEmpty();
    }

    private void unresolved(JsonNode list) {
        List<JsonNode> items = entries(list);
        if (list.isObject()) {
            list.fieldNames().forEachRemaining(n -> items.add(YAML.getNodeFactory().textNode(n)));
        }
        for (JsonNode item : items) {
            String path = item.isTextual() ? item.asText() : firstKey(item);
            if (path != null && path.contains("${") && !templated.contains(path)) {
                templated.add(path);
            }
        }
    }

    private void metricsFrom(Path base, JsonNode list, JsonNode ctx) {
        for (JsonNode item : entries(list)) {
            String path = item.isTextual() ? item.asText() : firstKey(item);
            Path resolved = resolve(base, path, ctx);
            if (resolved != null) {
                metrics.add(new Metric(resolved, null));
            }
        }
    }

    private void plotsFrom(Path base, JsonNode node, boolean topLevel, JsonNode ctx) {
        List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
        if (node.isObject()) { // DVC 2: plots: {path: {x: ...}}
            node.fields().forEachRemaining(items::add);
        } else {
            for (JsonNode item : entries(node)) {
                if (item.isTextual()) {
                    items.add(Map.entry(item.asText(), YAML.nullNode()));
                } else if (item.isObject() && item.size() > 0) {
                    items.add(item.fields().next());
                }
            }
        }
        for (Map.Entry<String, JsonNode> item : items) {
            JsonNode config = item.getValue();
            JsonNode y = config.path("y");
            if (topLevel && y.isObject()) { // a plot id: its files are the keys of y (and of x)
                for (Map.Entry<String, JsonNode> f : iterable(y.fields())) {
                    Path resolved = resolve(base, f.getKey(), ctx);
                    if (resolved != null) {
                        String x = config.path("x").isObject() ? config.path("x").path(f.getKey()).asText(null)
                                : config.path("x").asText(null);
                        plots.add(new Plot(resolved, x, columns(f.getValue())));
                    }
                }
                continue;
            }
            Path resolved = resolve(base, item.getKey(), ctx);
            if (resolved != null) {
                String x = config.path("x").isTextual() ? config.path("x").asText() : null;
                plots.add(new Plot(resolved, x, columns(y)));
            }
        }
    }

    private Path resolve(Path base, String path, JsonNode ctx) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (path.contains("${")) {
            String resolved = DvcTemplates.interpolate(path, ctx);
            if (resolved == null) {
                if (!templated.contains(path)) {
                    templated.add(path);
                }
                return null;
            }
            path = resolved;
        }
        return base.resolve(path).normalize();
    }

    private static List<String> columns(JsonNode y) {
        List<String> out = new ArrayList<>();
        if (y.isTextual()) {
            out.add(y.asText());
        } else if (y.isArray()) {
            y.forEach(c -> out.add(c.asText()));
        }
        return out;
    }

    private static List<JsonNode> entries(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }

    private static String firstKey(JsonNode item) {
        return item.isObject() && item.size() > 0 ? item.fieldNames().next() : null;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
