package dev.cairn.plugin.mlflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.plugin.importer.ImportException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code meta.yaml} of an MLflow file store, read as a map, with typed getters that tolerate missing keys. */
final class MetaYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final Map<String, Object> values;

    private MetaYaml(Path file, Map<String, Object> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads {@code file}; garbage is an error naming the file, line and column. */
    @SuppressWarnings("unchecked")
    static MetaYaml read(Path file) throws ImportException {
        Object root;
        try {
            root = YAML.readValue(file.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ImportException(file + where + ": not valid YAML (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ImportException(file + ": line 1: not an MLflow meta.yaml (expected 'key: value' lines)");
        }
        return new MetaYaml(file, new LinkedHashMap<>((Map<String, Object>) map));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    /** The value as text; null when missing, null or blank. */
    String text(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v);
        return s.isBlank() ? null : s;
    }

    /**
     * Fails naming the file when any of {@code keys} is missing or empty: a meta.yaml cut short (a copy or a write
     * interrupted) must not become a run with no start time.
     */
    void require(String... keys) throws ImportException {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String key : keys) {
            if (text(key) == null) {
                missing.add("'" + key + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": missing required field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (is the file cut short?)");
        }
    }

    /** The value as a whole number; null when missing or null; an error naming the file when it is not a number. */
    Long wholeNumber(String key) throws ImportException {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        Long n = number(key);
        if (n == null) {
            throw new ImportException(file + ": field '" + key + "': '" + v + "' is not a whole number");
        }
        return n;
    }

    /** The value as a whole number; null when missing or not a number. */
    Long number(String key) {
        Object v = values.get(key);
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The value as parsed (a map, list, string, number or null). */
    Object raw(String key) {
        return values.get(key);
    }

    /** A nested map value (e.g. {@code tags}); empty when missing or not a map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
        Object v = values.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
