package dev.cairn.plugin.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a YAML (or JSON) hyperparameter file into flat params: nested mappings become dotted keys
 * ({@code cfg.model.lr}), lists stay whole as JSON text ({@code [200,200]}), scalars keep their text as written
 * ({@code 1e-05} stays {@code 1e-05}), null becomes {@code null}. An empty document or {@code {}} gives no params.
 */
public final class ParamFlattener {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParamFlattener() {
    }

    /** Flattens {@code file}; a syntax error or a top level that is not a mapping names the file and line. */
    public static Map<String, String> read(Path file) throws IOException, LogFileException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = YAML.getFactory().createParser(reader)) {
            p.setCodec(YAML);
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return out;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new LogFileException(file, line(p.currentTokenLocation()),
                        "expected a mapping of hyperparameters, found " + describe(first));
            }
            object(p, "", out);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            int nl = problem.indexOf('\n');
            throw new LogFileException(file, line(e.getLocation()), "invalid YAML: "
                    + (nl > 0 ? problem.substring(0, nl) : problem).strip());
        }
        return out;
    }

    private static void object(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            JsonToken value = p.nextToken();
            switch (value) {
                case START_OBJECT -> object(p, key + ".", out);
                case START_ARRAY -> {
                    JsonNode list = p.readValueAsTree();
                    out.put(key, JSON.writeValueAsString(list));
                }
                case VALUE_NULL -> out.put(key, "null");
                default -> out.put(key, p.getText());
            }
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            default -> "a single value";
        };
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }
}
