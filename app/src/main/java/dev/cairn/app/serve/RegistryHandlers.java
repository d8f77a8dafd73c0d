package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.query.Attribute;
import dev.cairn.store.query.Field;
import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.RegistryNames;
import dev.cairn.store.registry.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code registered-models/*}: create, get, search, rename, update, delete, set-tag, delete-tag, alias set/delete/get,
 * get-latest-versions. Alias changes and deletes go through the store's registry actions, so they are recorded in the
 * model's history and Cairn's rollback works on them. A deleted model is gone (404) and its name free again.
 */
final class RegistryHandlers {
    private static final int DEFAULT_RESULTS = 100;
    private static final int MAX_RESULTS = 1000;
    private final ServeContext ctx;

    RegistryHandlers(ServeContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.on("POST", "registered-models/create", this::create)
                .on("GET", "registered-models/get", this::get)
                .on("GET", "registered-models/search", this::search)
                .on("POST", "registered-models/rename", this::rename)
                .on("PATCH", "registered-models/update", this::update)
                .on("DELETE", "registered-models/delete", this::delete)
                .on("POST", "registered-models/set-tag", this::setTag)
                .on("DELETE", "registered-models/delete-tag", this::deleteTag)
                .on("POST", "registered-models/alias", this::setAlias)
                .on("DELETE", "registered-models/alias", this::deleteAlias)
                .on("GET", "registered-models/alias", this::getAlias)
                .on("POST", "registered-models/get-latest-versions", this::latest)
                .on("GET", "registered-models/get-latest-versions", this::latest);
    }

    private ModelRegistry registry() {
        return ctx.store().registry();
    }

    /** Who registry changes made through the API are recorded as. */
    static ChangeOptions changeOptions() {
        return ChangeOptions.defaults().withComment("through the MLflow API (cairn serve)");
    }

    /** The model named by the request's {@code name}, or RESOURCE_DOES_NOT_EXIST as MLflow words it. */
    RegisteredModel model(String name) {
        return registry().model(name).orElseThrow(() ->
                ApiException.notFound("Registered Model with name=" + name + " not found"));
    }

    private ObjectNode modelJson(RegisteredModel m) {
        return RegistryJson.model(m, registry().versions(m.name()));
    }

    private JsonNode create(ApiRequest req) {
        String name = req.required("name");
        checkName(name);
        List<JsonNode> tags = req.objects("tags");
        String description = req.string("description");
        ctx.store().write(w -> {
            if (registry().model(name).isPresent()) {
                throw ApiException.exists("Registered Model (name=" + name + ") already exists.");
            }
            registry().createModel(name, description == null || description.isEmpty() ? null : description);
            for (JsonNode t : tags) {
                String key = Limits.tagKey(t);
                registry().setModelTag(name, key, Limits.tagValue(t, key));
            }
        });
        return wrap("registered_model", modelJson(model(name)));
    }

    private JsonNode get(ApiRequest req) {
        return wrap("registered_model", modelJson(model(req.required("name"))));
    }

    private JsonNode search(ApiRequest req) {
        int max = OffsetToken.maxResults(req, DEFAULT_RESULTS, MAX_RESULTS);
        Function<RegisteredModel, Function<Field, String>> fields = m -> f -> {
            if (f instanceof Field.Attr a && a.attribute() == Attribute.RUN_NAME) {
                return m.name();
            }
            if (f instanceof Field.Tag t) {
                return m.tags().get(t.key());
            }
            throw InMemoryFilter.unsupported(f, "registered models");
        };
        var predicate = InMemoryFilter.of(req.string("filter"), fields);
        List<RegisteredModel> all = new ArrayList<>(registry().models().stream().filter(predicate).toList());
        all.sort(order(req.strings("order_by")));
        long from = OffsetToken.decode(req.string("page_token"));
        ObjectNode out = MlflowJson.object();
        ArrayNode list = out.putArray("registered_models");
        long to = Math.min(all.size(), from + max);
        for (long i = from; i < to; i++) {
            list.add(modelJson(all.get((int) i)));
        }
        if (to < all.size()) {
            out.put("next_page_token", OffsetToken.encode(to));
        }
        return out;
    }

    private static Comparator<RegisteredModel> order(List<String> clauses) {
        Comparator<RegisteredModel> c = null;
        for (String clause : clauses) {
            String[] parts = clause.strip().split("\\s+");
            String key = parts[0].toLowerCase(Locale.ROOT);
            boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("DESC");
            Comparator<RegisteredModel> one = switch (key) {
                case "name" -> Comparator.comparing(RegisteredModel::name);
                case "timestamp", "last_updated_timestamp" -> Comparator.comparingLong(RegisteredModel::updatedMs);
                case "creation_timestamp" -> Comparator.comparingLong(RegisteredModel::createdMs);
                default -> throw ApiException.invalid("Invalid order_by clause '" + clause
                        + "': registered models order by name, creation_timestamp or last_updated_timestamp.");
            };
            one = desc ? one.reversed() : one;
            c = c == null ? one : c.thenComparing(one);
        }
        Comparator<RegisteredModel> byName = Comparator.comparing(RegisteredModel::name);
        return c == null ? byName : c.thenComparing(byName);
    }

    private JsonNode rename(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String newName = req.required("new_name");
        checkName(newName);
        if (!newName.equals(m.name()) && registry().model(newName).isPresent()) {
            throw ApiException.exists("Registered Model (name=" + newName + ") already exists.");
        }
        registry().renameModel(m.name(), newName);
        return wrap("registered_model", modelJson(model(newName)));
    }

    private JsonNode update(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String description = req.string("description");
        registry().setModelDescription(m.name(), description == null || description.isEmpty() ? null : description);
        return wrap("registered_model", modelJson(model(m.name())));
    }

    private JsonNode delete(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        registry().deleteModel(m.name(), registry().expectCurrent(m.name()), changeOptions());
        return MlflowJson.object();
    }

    private JsonNode setTag(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String key = req.required("key");
        Limits.checkKey(key, "key");
        String value = req.string("value");
        Limits.checkTagValue(key, value == null ? "" : value);
        registry().setModelTag(m.name(), key, value == null ? "" : value);
        return MlflowJson.object();
    }

    private JsonNode deleteTag(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String key = req.required("key");
        if (!m.tags().containsKey(key)) {
            throw ApiException.notFound("Registered model tag with name=" + m.name() + ", key=" + key
                    + " not found");
        }
        registry().setModelTag(m.name(), key, null);
        return MlflowJson.object();
    }

    private JsonNode setAlias(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String alias = req.required("alias");
        checkAlias(alias);
        int version = VersionHandlers.versionNumber(req.required("version"));
        ModelVersion target = VersionHandlers.version(registry(), m.name(), version);
        if (!target.aliases().contains(alias)) {
            registry().setAlias(m.name(), alias, version, registry().expectCurrent(m.name()), changeOptions());
        }
        return MlflowJson.object();
    }

    private JsonNode deleteAlias(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String alias = req.required("alias");
        if (registry().versionByAlias(m.name(), alias).isPresent()) {
            registry().removeAlias(m.name(), alias, registry().expectCurrent(m.name()), changeOptions());
        }
        return MlflowJson.object();
    }

    private JsonNode getAlias(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        String alias = req.required("alias");
        ModelVersion v = registry().versionByAlias(m.name(), alias).orElseThrow(() ->
                ApiException.notFound("Registered model alias " + alias + " not found."));
        return wrap("model_version", RegistryJson.version(v));
    }

    private JsonNode latest(ApiRequest req) {
        RegisteredModel m = model(req.required("name"));
        List<Stage> stages = new ArrayList<>();
        for (String s : req.strings("stages")) {
            stages.add(VersionHandlers.stage(s));
        }
        ObjectNode out = MlflowJson.object();
        ArrayNode list = out.putArray("model_versions");
        RegistryJson.latestPerStage(registry().versions(m.name())).forEach((stage, v) -> {
            if (stages.isEmpty() || stages.contains(stage)) {
                list.add(RegistryJson.version(v));
            }
        });
        return out;
    }

    private static void checkName(String name) {
        try {
            RegistryNames.requireValidModelName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private static void checkAlias(String alias) {
        try {
            RegistryNames.requireValidAlias(alias);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode out = MlflowJson.object();
        out.set(field, value);
        return out;
    }

    static ApiException noVersion(String model, int version) {
        return ApiException.notFound("Model Version (name=" + model + ", version=" + version + ") not found");
    }
}
