package dev.cairn.app.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A run in MLflow's JSON shape ({@code info}, {@code data}, {@code inputs}), written straight to the generator: a
 * search page of 1,000 runs is never built as a tree first.
 */
final class RunJson implements JsonSerializable {
    private final RunDetails details;
    private final List<DatasetInput> inputs;

    RunJson(RunDetails details, List<DatasetInput> inputs) {
        this.details = details;
        this.inputs = inputs;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeFieldName("info");
        info(g, details.run());
        g.writeObjectFieldStart("data");
        g.writeArrayFieldStart("metrics");
        for (MetricSummary s : details.metrics().values()) {
            g.writeStartObject();
            g.writeStringField("key", s.key());
            g.writeNumberField("value", s.last());
            g.writeNumberField("timestamp", s.lastTimestamp());
            g.writeNumberField("step", s.lastStep());
            g.writeEndObject();
        }
        g.writeEndArray();
        keyValues(g, "params", details.params());
        keyValues(g, "tags", SystemTags.visible(details.run(), details.tags()));
        g.writeEndObject();
        g.writeObjectFieldStart("inputs");
        g.writeArrayFieldStart("dataset_inputs");
        for (DatasetInput i : inputs) {
            g.writeStartObject();
            g.writeArrayFieldStart("tags");
            if (i.context() != null) {
                g.writeStartObject();
                g.writeStringField("key", "mlflow.data.context");
                g.writeStringField("value", i.context());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("dataset");
            g.writeStringField("name", i.name());
            g.writeStringField("digest", i.digest() == null ? "" : i.digest());
            g.writeStringField("source_type", "");
            g.writeStringField("source", i.source() == null ? "" : i.source());
            if (i.schema() != null) {
                g.writeStringField("schema", i.schema());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** MLflow's RunInfo. */
    static void info(JsonGenerator g, Run r) throws IOException {
        g.writeStartObject();
        g.writeStringField("run_id", r.id());
        g.writeStringField("run_uuid", r.id());
        if (r.name() != null) {
            g.writeStringField("run_name", r.name());
        }
        g.writeStringField("experiment_id", ServeContext.experimentIdOf(r));
        if (r.user() != null) {
            g.writeStringField("user_id", r.user());
        }
        g.writeStringField("status", r.status().name());
        if (r.startMs() != null) {
            g.writeNumberField("start_time", r.startMs());
        }
        if (r.endMs() != null) {
            g.writeNumberField("end_time", r.endMs());
        }
        g.writeStringField("artifact_uri", ServeContext.artifactUri(r));
        g.writeStringField("lifecycle_stage", r.lifecycle().label());
        g.writeEndObject();
    }

    private static void keyValues(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeArrayFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStartObject();
            g.writeStringField("key", e.getKey());
            g.writeStringField("value", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(g, provider);
    }
}
