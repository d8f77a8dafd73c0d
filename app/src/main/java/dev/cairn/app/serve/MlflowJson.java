package dev.cairn.app.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;

import java.util.List;
import java.util.Map;

/**
 * MLflow's JSON shapes (protobuf JSON of service.proto) for Cairn's values. Doubles that JSON cannot hold are written
 * as "NaN", "Infinity", "-Infinity", as protobuf's JSON does; timestamps are numbers.
 */
public final class MlflowJson {
    /**
     * The server's one mapper. Doubles are parsed with Jackson's fast parser: {@code Double.parseDouble} was most of
     * the time of a 1,000-metric log-batch.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MlflowJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code [{"key": k, "value": v}, ...]}. */
    public static ArrayNode keyValues(Map<String, String> map) {
        ArrayNode out = NODES.arrayNode();
        map.forEach((k, v) -> out.addObject().put("key", k).put("value", v));
        return out;
    }

    public static ObjectNode experiment(Experiment e) {
        String id = ServeContext.idOf(e);
        ObjectNode n = object();
        n.put("experiment_id", id);
        n.put("name", e.name());
        n.put("artifact_location", ServeContext.artifactLocation(id));
        n.put("lifecycle_stage", e.lifecycle().label());
        n.put("last_update_time", e.deletedMs() != null ? e.deletedMs() : e.createdMs());
        n.put("creation_time", e.createdMs());
        n.set("tags", keyValues(e.tags()));
        return n;
    }

    /** MLflow's RunInfo of a run. */
    public static ObjectNode runInfo(Run r) {
        try {
            TokenBuffer buffer = new TokenBuffer(MAPPER, false);
            RunJson.info(buffer, r);
            return MAPPER.readTree(buffer.asParser());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code {"info", "data": {metrics, params, tags}, "inputs": {dataset_inputs}}}, written when serialised. */
    public static JsonNode run(RunDetails d, List<DatasetInput> inputs) {
        return NODES.pojoNode(new RunJson(d, inputs));
    }

    /** One metric point: {@code {key, value, timestamp, step}}. */
    public static ObjectNode point(ArrayNode into, String key, double value, long timestamp, long step) {
        ObjectNode m = into.addObject();
        m.put("key", key);
        m.put("value", value);
        m.put("timestamp", timestamp);
        m.put("step", step);
        return m;
    }
}
