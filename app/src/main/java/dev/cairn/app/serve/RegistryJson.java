package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** MLflow's JSON shapes of model_registry.proto for Cairn's registry values. */
final class RegistryJson {
    private RegistryJson() {
    }

    static ObjectNode version(ModelVersion v) {
        ObjectNode n = MlflowJson.object();
        n.put("name", v.model());
        n.put("version", Integer.toString(v.version()));
        n.put("creation_timestamp", v.createdMs());
        n.put("last_updated_timestamp", v.updatedMs());
        if (v.user() != null) {
            n.put("user_id", v.user());
        }
        n.put("current_stage", v.stage().label());
        n.put("description", v.description() == null ? "" : v.description());
        if (v.source() != null) {
            n.put("source", v.source());
        }
        if (v.runId() != null) {
            n.put("run_id", v.runId());
        }
        n.put("status", v.status().name());
        n.set("tags", MlflowJson.keyValues(v.tags()));
        ArrayNode aliases = n.putArray("aliases");
        v.aliases().forEach(aliases::add);
        return n;
    }

    /** A registered model with its latest version per stage and its aliases. */
    static ObjectNode model(RegisteredModel m, List<ModelVersion> versions) {
        ObjectNode n = MlflowJson.object();
        n.put("name", m.name());
        n.put("creation_timestamp", m.createdMs());
        n.put("last_updated_timestamp", m.updatedMs());
        n.put("description", m.description() == null ? "" : m.description());
        ArrayNode latest = n.putArray("latest_versions");
        latestPerStage(versions).values().forEach(v -> latest.add(version(v)));
        n.set("tags", MlflowJson.keyValues(m.tags()));
        ArrayNode aliases = n.putArray("aliases");
        Map<String, Integer> byAlias = new TreeMap<>();
        versions.forEach(v -> v.aliases().forEach(a -> byAlias.put(a, v.version())));
        byAlias.forEach((a, v) -> aliases.addObject().put("alias", a).put("version", Integer.toString(v)));
        return n;
    }

    /** The highest version in each stage, in stage order. */
    static Map<Stage, ModelVersion> latestPerStage(List<ModelVersion> versions) {
        Map<Stage, ModelVersion> out = new TreeMap<>();
        for (ModelVersion v : versions) {
            ModelVersion seen = out.get(v.stage());
            if (seen == null || v.version() > seen.version()) {
                out.put(v.stage(), v);
            }
        }
        return out;
    }
}
