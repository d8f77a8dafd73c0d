package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.YamlFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DVC's templating of {@code dvc.yaml} paths, as far as metrics and plots need it: {@code ${name}} and
 * {@code ${a.b.c}} from the {@code params.yaml} beside the dvc.yaml (loaded by default) and the top-level
 * {@code vars:} (inline mappings and files, later ones overriding); a {@code foreach:} stage once per element
 * ({@code ${item}}, and {@code ${key}} over a mapping; the list may itself be {@code ${name}}); a {@code matrix:}
 * stage once per combination ({@code ${item.<name>}}). A name that is not defined leaves the path unresolved.
 */
final class DvcTemplates {
    private static final Pattern VAR = Pattern.compile("\\$\\{\\s*([^}]*?)\\s*}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DvcTemplates() {
    }

    /** The variables every stage sees: params.yaml beside the dvc.yaml, then each entry of {@code vars:}. */
    static ObjectNode globals(JsonNode root, Path base) {
        ObjectNode ctx = NODES.objectNode();
        merge(ctx, load(base.resolve("params.yaml")));
        for (JsonNode v : root.path("vars")) {
            if (v.isObject()) {
                merge(ctx, v);
            } else if (v.isTextual()) {
                String name = v.asText();
                int colon = name.indexOf(':');
                merge(ctx, load(base.resolve(colon < 0 ? name : name.substring(0, colon))));
            }
        }
        return ctx;
    }

    /** One context per run of the stage: its foreach elements, its matrix combinations, or just the globals. */
    static List<JsonNode> iterations(JsonNode stage, ObjectNode globals) {
        List<JsonNode> out = new ArrayList<>();
        if (stage.has("foreach")) {
            JsonNode items = value(stage.path("foreach"), globals);
            if (items != null && items.isArray()) {
                items.forEach(item -> out.add(with(globals, "item", item, null)));
            } else if (items != null && items.isObject()) {
                items.fields().forEachRemaining(e -> out.add(with(globals, "item", e.getValue(), e.getKey())));
            }
            return out;
        }
        if (stage.has("matrix") && stage.path("matrix").isObject()) {
            List<ObjectNode> combos = new ArrayList<>();
            combos.add(NODES.objectNode());
            for (Iterator<Map.Entry<String, JsonNode>> it = stage.path("matrix").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> axis = it.next();
                JsonNode values = value(axis.getValue(), globals);
                List<ObjectNode> next = new ArrayList<>();
                for (ObjectNode combo : combos) {
                    for (JsonNode v : values == null || !values.isArray() ? NODES.arrayNode() : (ArrayNode) values) {
                        next.add(combo.deepCopy().set(axis.getKey(), v));
                    }
                }
                combos = next;
            }
            combos.forEach(c -> out.add(with(globals, "item", c, null)));
            return out;
        }
        out.add(globals);
        return out;
    }

    /** {@code text} with every {@code ${...}} replaced, or null when one names nothing (or not a plain value). */
    static String interpolate(String text, JsonNode ctx) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = lookup(ctx, m.group(1));
            if (v == null || !v.isValueNode() || v.isNull()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A foreach / matrix value: a list or mapping as written, or the one named by {@code ${name}}. */
    private static JsonNode value(JsonNode node, JsonNode ctx) {
        if (node.isTextual()) {
            Matcher m = VAR.matcher(node.asText().strip());
            return m.matches() ? lookup(ctx, m.group(1)) : null;
        }
        return node;
    }

    private static JsonNode lookup(JsonNode ctx, String name) {
        JsonNode node = ctx;
        for (String part : name.split("\\.")) {
            if (node == null) {
                return null;
            }
            if (node.isArray() && part.matches("\\d+")) {
                node = node.get(Integer.parseInt(part));
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    private static JsonNode with(ObjectNode globals, String itemName, JsonNode item, String key) {
        ObjectNode ctx = globals.deepCopy();
        ctx.set(itemName, item);
        if (key != null) {
            ctx.put("key", key);
        }
        return ctx;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        if (from != null && from.isObject()) {
            from.fields().forEachRemaining(e -> into.set(e.getKey(), e.getValue()));
        }
    }

    /** A YAML (or JSON) variables file; none when absent or unreadable (the path then stays unresolved). */
    private static JsonNode load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YamlFiles.read(file);
        } catch (IOException | LogFileException | RuntimeException e) {
            return null;
        }
    }
}
