package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A path with {@code ${...}} (templating) is not resolved: it is reported in {@link #templated()}.
 *
 * @param file      the dvc.yaml
 * @param metrics   declared metrics files (or folders), absolute and normalised
 * @param plots     declared plots files or folders with their x / y columns
 * @param templated paths left unresolved because they use DVC's templating
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
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new LogFileException(file, line, "invalid YAML: " + (nl > 0 ? msg.substring(0, nl) : msg).strip());
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        DvcYaml out = new DvcYaml(file, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            throw new LogFileException(file, 1, "expected a mapping (stages:, metrics:, plots:)");
        }
        out.metricsFrom(base, root.path("metrics"));
        out.plotsFrom(base, root.path("plots"), true);
        for (JsonNode stage : iterable(root.path("stages").elements())) {
            JsonNode body = stage.has("do") ? stage.path("do") : stage;
            out.metricsFrom(base, body.path("metrics"));
            out.plotsFrom(base, body.path("plots"), false);
        }
        return out;
    }

    /** True when nothing is declared. */
    boolean isEmpty() {
        return metrics.isEmpty() && plots.isEmpty();
    }

    private void metricsFrom(Path base, JsonNode list) {
        for (JsonNode item : entries(list)) {
            String path = item.isTextual() ? item.asText() : firstKey(item);
            Path resolved = resolve(base, path);
            if (resolved != null) {
                metrics.add(resolved);
            }
        }
    }

    private void plotsFrom(Path base, JsonNode node, boolean topLevel) {
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
                    Path resolved = resolve(base, f.getKey());
                    if (resolved != null) {
                        String x = config.path("x").isObject() ? config.path("x").path(f.getKey()).asText(null)
                                : config.path("x").asText(null);
                        plots.add(new Plot(resolved, x, columns(f.getValue())));
                    }
                }
                continue;
            }
            Path resolved = resolve(base, item.getKey());
            if (resolved != null) {
                String x = config.path("x").isTextual() ? config.path("x").asText() : null;
                plots.add(new Plot(resolved, x, columns(y)));
            }
        }
    }

    private Path resolve(Path base, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (path.contains("${")) {
            templated.add(path);
            return null;
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
