package dev.cairn.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output of the command line. Doubles that JSON cannot hold are written as "NaN", "Infinity", "-Infinity". */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A double as JSON: a number, or the strings "NaN", "Infinity", "-Infinity". */
    public static Object number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return v;
    }

    /** The public JSON shape of a run (see README: {@code cairn runs --json}). */
    public static Map<String, Object> run(RunDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.run().id());
        m.put("experiment", d.run().experimentName());
        m.put("name", d.run().name());
        m.put("status", d.run().status().name());
        m.put("lifecycle", d.run().lifecycle().label());
        m.put("startTime", d.run().startMs());
        m.put("endTime", d.run().endMs());
        m.put("user", d.run().user());
        m.put("parentId", d.run().parentId());
        m.put("params", new LinkedHashMap<>(d.params()));
        m.put("tags", new LinkedHashMap<>(d.tags()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricSummary s : d.metrics().values()) {
            Map<String, Object> agg = new LinkedHashMap<>();
            agg.put("last", number(s.last()));
            agg.put("min", number(s.min()));
            agg.put("max", number(s.max()));
            agg.put("count", s.count());
            agg.put("lastStep", s.lastStep());
            metrics.put(s.key(), agg);
        }
        m.put("metrics", metrics);
        return m;
    }
}
