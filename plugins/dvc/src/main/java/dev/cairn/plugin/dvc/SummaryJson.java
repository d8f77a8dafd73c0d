package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dvclive summary ({@code metrics.json} / {@code dvclive.json}) or a DVC metrics file: the latest value of every
 * metric, nested by folder ({@code {"train": {"acc": 0.99}}} is {@code train/acc}), plus the {@code step} it was
 * taken at. JSON, or YAML for a {@code .yaml}/{@code .yml} file (DVC reads metrics files of either).
 */
record SummaryJson(Long step, Map<String, Double> values) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static SummaryJson read(Path file) throws IOException, LogFileException {
        JsonNode root;
        boolean yaml = PlotTable.extension(file).startsWith("y");
        try {
            root = (yaml ? YAML : JSON).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String format = yaml ? "invalid YAML" : "invalid JSON";
            String msg = e.getOriginalMessage() == null ? format : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new LogFileException(file, line, format + ": " + (nl > 0 ? msg.substring(0, nl) : msg).strip());
        }
        if (root == null || !root.isObject()) {
            throw new LogFileException(file, 1, "expected a JSON object of metrics");
        }
        Long step = root.path("step").isIntegralNumber() ? root.path("step").longValue() : null;
        Map<String, Double> values = new LinkedHashMap<>();
        flatten(root, "", values);
        values.remove("step");
        return new SummaryJson(step, values);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, Double> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(v, key + "/", out);
            } else if (v.isNumber()) {
                out.put(key, v.doubleValue());
            }
        }
    }
}
