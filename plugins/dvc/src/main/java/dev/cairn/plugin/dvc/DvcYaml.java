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
 * What a {@code dvc.yaml} declares as metrics and plots, resolved as DVC resolves them: every path is relative to
 * the folder holding the {@code dvc.yaml}. Read from the top-level {@code metrics:} and {@code plots:} lists (DVC 3;
 * a plots mapping of DVC 2 too) and from each stage's {@code metrics:} and {@code plots:} outputs (plain paths or
 * {@code {path: {cache: false, x: ..., y: ...}}}; a {@code foreach}/{@code matrix} stage's {@code do:} body). A
 * top-level plot whose {@code y} is a mapping is a plot id naming its files ({@code y: {logs/train.tsv: loss}}).
 * Paths with {@code ${...}} are resolved by DVC's templating ({@link DvcTemplates}: params.yaml, {@code vars:},
 * {@code foreach}, {@code matrix}); one naming something undefined is reported in {@link #templated()}.
 *
 * @param file      the dvc.yaml
 * @param metrics   declared metrics files (or folders), absolute and normalised
 * @param plots     declared plots files or folders with their x / y columns
 * @param templated paths left unresolved: their {@code ${...}} names nothing defined
 */
record DvcYaml(Path file, List<Path> metrics, List<Plot> plots, List<String> templated) {
    static final String NAME = "dvc.yaml";
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

    static DvcYaml read(Path file) throws IOException, LogFileException {
        JsonNode root = YamlFiles.read(file);
        Path base = file.toAbsolutePath().normalize().getParent();
        DvcYaml out = new DvcYaml(file, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a mapping (stages:, metrics:, plots:)");
        }
        ObjectNode globals = DvcTemplates.globals(root, base);
        out.metricsFrom(base, root.path("metrics"), globals);
        out.plotsFrom(base, root.path("plots"), true, globals);
        for (JsonNode stage : iterable(root.path("stages").elements())) {
            JsonNode body = stage.has("do") ? stage.path("do") : stage;
            List<JsonNode> runs = DvcTemplates.iterations(stage, globals);
            if (runs.isEmpty()) { // a foreach / matrix over something not defined
                out.unresolved(body.path("metrics"));
                out.unresolved(body.path("plots"));
            }
            for (JsonNode ctx : runs) {
                out.metricsFrom(base, body.path("metrics"), ctx);
                out.plotsFrom(base, body.path("plots"), false, ctx);
            }
        }
        return out;
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
                metrics.add(resolved);
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

    /** True when {@code dir} holds a dvc.yaml. */
    static boolean in(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME));
    }
}
