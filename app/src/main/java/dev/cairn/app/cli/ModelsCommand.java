package dev.cairn.app.cli;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code cairn models [--search TEXT] [--json]}: registered models with their versions. Also holds the public JSON
 * shapes of models, versions and history events.
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List registered models.")
public final class ModelsCommand extends StoreCommand {
    @Option(names = "--search", paramLabel = "TEXT", description = "Only models whose name contains TEXT.")
    String search;

    @Option(names = "--json", description = "Print a JSON array of models, each with its versions.")
    boolean json;

    @Override
    public Integer call() {
        try (TrackingStore store = openStore(false)) {
            ModelRegistry registry = store.registry();
            List<RegisteredModel> models = registry.models(search);
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (RegisteredModel m : models) {
                    out.add(model(m, registry.versions(m.name())));
                }
                out().println(Json.write(out));
                return 0;
            }
            TextTable table = new TextTable("MODEL", "VERSIONS", "PRODUCTION", "STAGING", "ALIASES", "UPDATED");
            for (RegisteredModel m : models) {
                List<ModelVersion> versions = registry.versions(m.name());
                table.row(m.name(), String.valueOf(versions.size()), inStage(versions, Stage.PRODUCTION),
                        inStage(versions, Stage.STAGING), aliases(versions), TextTable.time(m.updatedMs()));
            }
            table.print(out());
            return 0;
        }
    }

    private static String inStage(List<ModelVersion> versions, Stage stage) {
        String s = versions.stream().filter(v -> v.stage() == stage).map(v -> "v" + v.version())
                .collect(Collectors.joining(","));
        return s.isEmpty() ? "-" : s;
    }

    private static String aliases(List<ModelVersion> versions) {
        String s = versions.stream().flatMap(v -> v.aliases().stream().map(a -> a + "=v" + v.version()))
                .collect(Collectors.joining(" "));
        return s.isEmpty() ? "-" : s;
    }

    /** The public JSON shape of a model with its versions. */
    static Map<String, Object> model(RegisteredModel m, List<ModelVersion> versions) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.name());
        o.put("description", m.description());
        o.put("createdTime", m.createdMs());
        o.put("updatedTime", m.updatedMs());
        o.put("tags", new LinkedHashMap<>(m.tags()));
        if (m.rule() == null) {
            o.put("promotionRule", null);
        } else {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("metric", m.rule().metric());
            rule.put("goal", m.rule().goal().label());
            o.put("promotionRule", rule);
        }
        o.put("versions", versions.stream().map(ModelsCommand::version).toList());
        return o;
    }

    /** The public JSON shape of a model version. */
    static Map<String, Object> version(ModelVersion v) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", v.model());
        o.put("version", v.version());
        o.put("stage", v.stage().label());
        o.put("aliases", v.aliases());
        o.put("runId", v.runId());
        o.put("source", v.source());
        o.put("status", v.status().name());
        o.put("description", v.description());
        o.put("user", v.user());
        o.put("createdTime", v.createdMs());
        o.put("updatedTime", v.updatedMs());
        o.put("tags", new LinkedHashMap<>(v.tags()));
        return o;
    }

    /** The public JSON shape of a history event. */
    static Map<String, Object> event(ModelEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", e.id());
        o.put("model", e.model());
        o.put("version", e.version());
        o.put("action", e.action().label());
        o.put("stage", e.stage() == null ? null : e.stage().label());
        o.put("alias", e.alias());
        o.put("from", e.from());
        o.put("to", e.to());
        o.put("replacedVersion", e.replacedVersion());
        o.put("user", e.user());
        o.put("time", Instant.ofEpochMilli(e.timeMs()).toString());
        o.put("timeMs", e.timeMs());
        o.put("comment", e.comment());
        o.put("forced", e.forced());
        o.put("detail", e.detail());
        o.put("summary", e.describe());
        return o;
    }
}
