package dev.cairn.plugin.dvc;

import dev.cairn.plugin.support.LogFileException;
import dev.cairn.plugin.support.YamlFiles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A dvclive summary ({@code metrics.json} / {@code dvclive.json}) or a DVC metrics file: the latest value of every
 * metric, nested by folder ({@code {"train": {"acc": 0.99}}} is {@code train/acc}), plus the {@code step} it was
 * taken at. JSON (with Python's {@code NaN}/{@code Infinity}), YAML for a {@code .yaml}/{@code .yml} file or TOML
 * for a {@code .toml} file (DVC reads metrics files of all three; TOML's {@code inf}/{@code nan} are numbers, its
 * tables nest like objects). Lists, text and dates are not metrics and are passed over. Errors name the file and
 * line (for a TOML value, the line of its key: Jackson's TOML parser reads the whole file first and keeps no
 * positions): broken syntax, a top level that is not an object, a number too large for a double ({@code 1e400} is not
 * infinity), a {@code step} that is not a whole number of 64 bits, anything after the object.
 */
record SummaryJson(Long step, Map<String, Double> values) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final TomlFactory TOML = new TomlFactory();

    static SummaryJson read(Path file) throws IOException, LogFileException {
        String ext = PlotTable.extension(file);
        return read(file, ext.startsWith("y") ? "yaml" : ext.equals("toml") ? "toml" : "json");
    }

    /** Reads {@code file} as {@code kind}: {@code json}, {@code yaml} or {@code toml}, whatever its extension. */
    static SummaryJson read(Path file, String kind) throws IOException, LogFileException {
        boolean yaml = kind.equals("yaml");
        String format = kind.toUpperCase(Locale.ROOT);
        JsonFactory factory = yaml ? YAML : kind.equals("toml") ? TOML : JSON;
        try (JsonParser p = factory.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null || yaml && first == JsonToken.VALUE_NULL) {
                throw new LogFileException(file, 1, "empty file, expected a " + format + " object of metrics");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new LogFileException(file, line(p.currentTokenLocation()), "expected a " + format
                        + " object of metrics");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            Long step = object(file, p, "", values);
            if (p.nextToken() != null) {
                throw new LogFileException(file, line(p.currentTokenLocation()), "content after the " + format
                        + " object");
            }
            return new SummaryJson(step, values);
        } catch (java.io.CharConversionException e) {
            throw new LogFileException(file, 1, "not " + format + " text in UTF-8: " + e.getMessage());
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new LogFileException(file, line(e.getLocation()), "invalid " + format + ": "
                    + (nl > 0 ? msg.substring(0, nl) : msg).strip());
        }
    }

    /** Reads the fields of the object just opened; returns its {@code step} when it is the top level. */
    private static Long object(Path file, JsonParser p, String prefix, Map<String, Double> out)
            throws IOException, LogFileException {
        Long step = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.currentName().isEmpty()) {
                throw new LogFileException(file, line(file, p), "a metric without a name");
            }
            String key = prefix + p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                object(file, p, key + "/", out);
            } else if (value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (value == JsonToken.VALUE_NUMBER_INT && key.equals("step")) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new LogFileException(file, line(file, p), "step '" + p.getText()
                            + "' is not a whole number of 64 bits");
                }
                step = p.getLongValue();
            } else if (key.equals("step")) {
                continue; // a step that is not whole (or not a number) is no metric and no step
            } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                Double special = YamlFiles.special(p.getText());
                double v = special != null ? special : p.getDoubleValue();
                String tooLarge = YamlFiles.tooLarge(p.getText(), v);
                if (tooLarge != null) {
                    throw new LogFileException(file, line(file, p), "metric '" + key + "': " + tooLarge);
                }
                out.put(key, v);
            }
        }
        return prefix.isEmpty() ? step : null;
    }

    /**
     * The line of the current token; for TOML, which keeps no positions, the first line assigning the current name
     * ({@code name = }, {@code "name" = }, {@code a.name = }), else 1.
     */
    private static int line(Path file, JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        if (at != null && at.getLineNr() >= 1) {
            return at.getLineNr();
        }
        String name = p.currentName() == null ? "" : p.currentName();
        String q = java.util.regex.Pattern.quote(name);
        String bare = name.isEmpty() ? "" : q + "|"; // an empty name is only ever written quoted
        java.util.regex.Pattern assign = java.util.regex.Pattern.compile("(^|[.\\s])(" + bare + "\"" + q + "\"|'" + q
                + "')\\s*=");
        String[] lines = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (assign.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }
}
