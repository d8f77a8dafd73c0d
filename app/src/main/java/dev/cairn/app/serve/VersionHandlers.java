package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.query.Attribute;
import dev.cairn.store.query.Field;
import dev.cairn.store.registry.ModelRegistry;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code model-versions/*}: create, get, search, update, delete, transition-stage, set-tag, delete-tag,
 * get-download-uri. Registration, stage transitions and deletes are the store's registry actions (REGISTER, PROMOTE,
 * ARCHIVE, UNSTAGE, DELETE events), so Cairn's history and rollback cover them; a deleted version is gone (404) and
 * rollbacks skip it.
 */
final class VersionHandlers {
    private static final int DEFAULT_RESULTS = 10_000;
    private static final int MAX_RESULTS = 200_000;
    private final ServeContext ctx;
    private final RegistryHandlers models;

    VersionHandlers(ServeContext ctx) {
        this.ctx = ctx;
        this.models = new RegistryHandlers(ctx);
    }

    void register(Router r) {
        r.on("POST", "model-versions/create", this::create)
                .on("GET", "model-versions/get", this::get)
                .on("GET", "model-versions/search", this::search)
                .on("PATCH", "model-versions/update", this::update)
                .on("DELETE", "model-versions/delete", this::delete)
                .on("POST", "model-versions/transition-stage", this::transition)
                .on("POST", "model-versions/set-tag", this::setTag)
                .on("DELETE", "model-versions/delete-tag", this::deleteTag)
                .on("GET", "model-versions/get-download-uri", this::downloadUri);
    }

    private ModelRegistry registry() {
        return ctx.store().registry();
    }

    static int versionNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Parameter 'version' must be an integer, got '" + text + "'.");
        }
    }

    static Stage stage(String text) {
        try {
            return Stage.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Invalid Model Version stage: " + text
                    + ". Value must be one of None, Staging, Production, Archived.");
        }
    }

    static ModelVersion version(ModelRegistry registry, String model, int version) {
        try {
            return registry.version(model, version);
        } catch (NotFoundException e) {
            throw RegistryHandlers.noVersion(model, version);
        }
    }

    private ModelVersion requireVersion(ApiRequest req) {
        RegisteredModel m = models.model(req.required("name"));
        return version(registry(), m.name(), versionNumber(req.required("version")));
    }

    private JsonNode create(ApiRequest req) {
        RegisteredModel m = models.model(req.required("name"));
        String source = req.string("source");
        if (source == null || source.isEmpty()) {
            throw ApiRequest.missing("source");
        }
        String runId = req.string("run_id");
        if (runId != null && !runId.isEmpty()) {
            ctx.run(runId);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : req.objects("tags")) {
            String key = Limits.tagKey(t);
            tags.put(key, Limits.tagValue(t, key));
        }
        String description = req.string("description");
        NewModelVersion spec = NewModelVersion.of(m.name()).withSource(source)
                .fromRun(runId == null || runId.isEmpty() ? null : runId)
                .withDescription(description == null || description.isEmpty() ? null : description).withTags(tags);
        ModelVersion v = registry().register(spec, RegistryHandlers.changeOptions());
        return RegistryHandlers.wrap("model_version", RegistryJson.version(v));
    }

    private JsonNode get(ApiRequest req) {
        return RegistryHandlers.wrap("model_version", RegistryJson.version(requireVersion(req)));
    }

    private JsonNode search(ApiRequest req) {
        int max = OffsetToken.maxResults(req, DEFAULT_RESULTS, MAX_RESULTS);
        Function<ModelVersion, Function<Field, String>> fields = v -> f -> {
            if (f instanceof Field.Attr a && a.attribute() == Attribute.RUN_NAME) {
                return v.model();
            }
            if (f instanceof Field.Attr a && a.attribute() == Attribute.RUN_ID) {
                return v.runId();
            }
            if (f instanceof Field.Tag t) {
                return v.tags().get(t.key());
            }
            throw InMemoryFilter.unsupported(f, "model versions");
        };
        var predicate = InMemoryFilter.of(req.string("filter"), fields);
        List<ModelVersion> all = new ArrayList<>();
        for (RegisteredModel m : registry().models()) {
            registry().versions(m.name()).stream().filter(predicate).forEach(all::add);
        }
        all.sort(Comparator.comparing(ModelVersion::model).thenComparing(Comparator
                .comparingInt(ModelVersion::version).reversed()));
        long from = OffsetToken.decode(req.string("page_token"));
        ObjectNode out = MlflowJson.object();
        ArrayNode list = out.putArray("model_versions");
        long to = Math.min(all.size(), from + max);
        for (long i = from; i < to; i++) {
            list.add(RegistryJson.version(all.get((int) i)));
        }
        if (to < all.size()) {
            out.put("next_page_token", OffsetToken.encode(to));
        }
        return out;
    }

    private JsonNode update(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        String description = req.string("description");
        registry().setVersionDescription(v.model(), v.version(),
                description == null || description.isEmpty() ? null : description);
        return RegistryHandlers.wrap("model_version", RegistryJson.version(registry().version(v.model(),
                v.version())));
    }

    private JsonNode delete(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        registry().deleteVersion(v.model(), v.version(), registry().expectCurrent(v.model()),
                RegistryHandlers.changeOptions());
        return MlflowJson.object();
    }

    private JsonNode transition(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        Stage target = stage(req.required("stage"));
        boolean archiveExisting = req.bool("archive_existing_versions", false);
        var options = RegistryHandlers.changeOptions().withArchiveExisting(archiveExisting);
        if (target != v.stage()) {
            switch (target) {
                case STAGING, PRODUCTION -> registry().promote(v.model(), v.version(), target,
                        registry().expectCurrent(v.model()), options);
                case ARCHIVED -> registry().archive(v.model(), v.version(), registry().expectCurrent(v.model()),
                        options);
                case NONE -> registry().unstage(v.model(), v.version(), registry().expectCurrent(v.model()), options);
            }
        }
        return RegistryHandlers.wrap("model_version", RegistryJson.version(registry().version(v.model(),
                v.version())));
    }

    private JsonNode setTag(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        String key = req.required("key");
        Limits.checkKey(key, "key");
        String value = req.string("value");
        Limits.checkTagValue(key, value == null ? "" : value);
        registry().setVersionTag(v.model(), v.version(), key, value == null ? "" : value);
        return MlflowJson.object();
    }

    private JsonNode deleteTag(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        String key = req.required("key");
        if (!v.tags().containsKey(key)) {
            throw ApiException.notFound("Model version tag with name=" + v.model() + ", version=" + v.version()
                    + ", key=" + key + " not found");
        }
        registry().setVersionTag(v.model(), v.version(), key, null);
        return MlflowJson.object();
    }

    private JsonNode downloadUri(ApiRequest req) {
        ModelVersion v = requireVersion(req);
        ObjectNode out = MlflowJson.object();
        out.put("artifact_uri", v.source() == null ? "" : v.source());
        return out;
    }
}
