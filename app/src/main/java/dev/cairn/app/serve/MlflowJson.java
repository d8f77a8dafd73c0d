package dev.cairn.app.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.MetricSummary;
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

    public static ObjectNode runInfo(Run r) {
        ObjectNode n = object();
        n.put("run_id", r.id());
        n.put("run_uuid", r.id());
        if (r.name() != null) {
            n.put("run_name", r.name());
        }
        n.put("experiment_id", ServeContext.experimentIdOf(r));
        if (r.user() != null) {
            n.put("user_id", r.user());
        }
        n.put("status", r.status().name());
        if (r.startMs() != null) {
            n.put("start_time", r.startMs());
        }
        if (r.endMs() != null) {
            n.put("end_time", r.endMs());
        }
        n.put("artifact_uri", ServeContext.artifactUri(r));
        n.put("lifecycle_stage", r.lifecycle().label());
        return n;
    }

    /** {@code {"info", "data": {metrics, params, tags}, "inputs": {dataset_inputs}}}. */
    public static ObjectNode run(RunDetails d, List<DatasetInput> inputs) {
        ObjectNode n = object();
        n.set("info", runInfo(d.run()));
        ObjectNode data = n.putObject("data");
        ArrayNode metrics = data.putArray("metrics");
        for (MetricSummary s : d.metrics().values()) {
            ObjectNode m = metrics.addObject();
            m.put("key", s.key());
            m.put("value", s.last());
            m.put("timestamp", s.lastTimestamp());
            m.put("step", s.lastStep());
        }
        data.set("params", keyValues(d.params()));
        data.set("tags", keyValues(SystemTags.visible(d.run(), d.tags())));
        ObjectNode in = n.putObject("inputs");
        ArrayNode datasets = in.putArray("dataset_inputs");
        for (DatasetInput i : inputs) {
            ObjectNode di = datasets.addObject();
            ArrayNode tags = di.putArray("tags");
            if (i.context() != null) {
                tags.addObject().put("key", "mlflow.data.context").put("value", i.context());
            }
            ObjectNode ds = di.putObject("dataset");
            ds.put("name", i.name());
            ds.put("digest", i.digest() == null ? "" : i.digest());
            ds.put("source_type", "");
            ds.put("source", i.source() == null ? "" : i.source());
            if (i.schema() != null) {
                ds.put("schema", i.schema());
            }
        }
        return n;
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
