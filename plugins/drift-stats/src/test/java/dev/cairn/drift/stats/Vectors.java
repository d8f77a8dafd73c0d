package dev.cairn.drift.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.plugin.drift.ColumnSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the recorded SciPy vectors from {@code src/test/resources/vectors}. */
public final class Vectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Vectors() {
    }

    public static List<JsonNode> cases(String name) {
        String path = "/vectors/" + name + ".json";
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            JsonNode root = MAPPER.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            if (out.isEmpty()) {
                throw new IllegalStateException(path + " has no cases");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    /** A numeric sample for an array node, a categorical sample for an object node. */
    static ColumnSample sample(String name, JsonNode node) {
        return node.isArray() ? ColumnSample.numeric(name, doubles(node))
                : ColumnSample.categorical(name, counts(node));
    }
}
