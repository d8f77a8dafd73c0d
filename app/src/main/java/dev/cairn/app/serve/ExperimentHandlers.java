package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.query.Attribute;
import dev.cairn.store.query.Field;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code experiments/*}: create, get, get-by-name, search, update (rename), delete, restore, set-experiment-tag, and
 * {@code list} (removed in MLflow 2, still called by older clients).
 */
final class ExperimentHandlers {
    static final int MAX_RESULTS = 50_000;
    private static final int DEFAULT_RESULTS = 1000;
    private final ServeContext ctx;

    ExperimentHandlers(ServeContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.on("POST", "experiments/create", this::create)
                .on("GET", "experiments/get", this::get)
                .on("GET", "experiments/get-by-name", this::getByName)
                .on("POST", "experiments/search", this::search)
                .on("GET", "experiments/search", this::search)
                .on("GET", "experiments/list", this::list)
                .on("POST", "experiments/update", this::update)
                .on("POST", "experiments/delete", this::delete)
                .on("POST", "experiments/restore", this::restore)
                .on("POST", "experiments/set-experiment-tag", this::setTag);
    }

    private JsonNode create(ApiRequest req) {
        String name = req.required("name");
        Limits.checkKey(name, "name");
        List<JsonNode> tags = req.objects("tags");
        TrackingStore store = ctx.store();
        Experiment[] created = new Experiment[1];
        store.write(w -> {
            if (store.experiments().byName(name.strip()).isPresent()) {
                throw ApiException.exists("Experiment(name=" + name + ") already exists.");
            }
            created[0] = store.experiments().create(name, null);
            for (JsonNode t : tags) {
                String key = Limits.tagKey(t);
                store.experiments().setTag(created[0].name(), key, Limits.tagValue(t, key));
            }
        });
        ObjectNode out = MlflowJson.object();
        out.put("experiment_id", ServeContext.idOf(created[0]));
        return out;
    }

    private JsonNode get(ApiRequest req) {
        ObjectNode out = MlflowJson.object();
        out.set("experiment", MlflowJson.experiment(ctx.experiment(req.required("experiment_id"))));
        return out;
    }

    private JsonNode getByName(ApiRequest req) {
        String name = req.required("experiment_name");
        Experiment e = ServeContext.DEFAULT_EXPERIMENT.equals(name) ? ctx.experiment(ServeContext.DEFAULT_ID)
                : ctx.store().experiments().byName(name).orElseThrow(() ->
                        ApiException.notFound("Could not find experiment with name '" + name + "'"));
        ObjectNode out = MlflowJson.object();
        out.set("experiment", MlflowJson.experiment(e));
        return out;
    }

    private JsonNode search(ApiRequest req) {
        int max = OffsetToken.maxResults(req, DEFAULT_RESULTS, MAX_RESULTS);
        List<Experiment> all = filtered(ViewType.parse(req.string("view_type")), req.string("filter"));
        all.sort(order(req.strings("order_by")));
        return page(all, max, req.string("page_token"));
    }

    private JsonNode list(ApiRequest req) {
        int max = OffsetToken.maxResults(req, MAX_RESULTS, MAX_RESULTS);
        List<Experiment> all = filtered(ViewType.parse(req.string("view_type")), null);
        all.sort(Comparator.comparingLong(Experiment::id));
        return page(all, max, req.string("page_token"));
    }

    private List<Experiment> filtered(ViewType view, String filter) {
        ctx.experiment(ServeContext.DEFAULT_ID); // MLflow always has experiment 0
        Function<Experiment, Function<Field, String>> fields = e -> f -> {
            if (f instanceof Field.Attr a && a.attribute() == Attribute.RUN_NAME) {
                return e.name();
            }
            if (f instanceof Field.Tag t) {
                return e.tags().get(t.key());
            }
            throw InMemoryFilter.unsupported(f, "experiments");
        };
        var predicate = InMemoryFilter.of(filter, fields);
        List<Experiment> out = new ArrayList<>();
        for (Experiment e : ctx.store().experiments().list(true)) {
            if (view.includes(e.lifecycle()) && predicate.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Comparator<Experiment> order(List<String> clauses) {
        Comparator<Experiment> c = null;
        for (String clause : clauses) {
            String[] parts = clause.strip().split("\\s+");
            String key = parts[0].toLowerCase(Locale.ROOT).replaceFirst("^attributes?\\.", "");
            boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("DESC");
            if (parts.length > 2 || parts.length == 2 && !desc && !parts[1].equalsIgnoreCase("ASC")) {
                throw ApiException.invalid("Invalid order_by clause '" + clause + "'.");
            }
            Comparator<Experiment> one = switch (key) {
                case "name" -> Comparator.comparing(Experiment::name);
                case "creation_time" -> Comparator.comparingLong(Experiment::createdMs);
                case "last_update_time" -> Comparator.comparingLong(e ->
                        e.deletedMs() != null ? e.deletedMs() : e.createdMs());
                case "experiment_id" -> Comparator.comparingLong(Experiment::id);
                default -> throw ApiException.invalid("Invalid order_by clause '" + clause
                        + "': experiments order by name, creation_time, last_update_time or experiment_id.");
            };
            one = desc ? one.reversed() : one;
            c = c == null ? one : c.thenComparing(one);
        }
        Comparator<Experiment> byId = Comparator.comparingLong(Experiment::id);
        if (c == null) {
            return Comparator.comparingLong(Experiment::createdMs).reversed().thenComparing(byId);
        }
        return c.thenComparing(byId);
    }

    private static JsonNode page(List<Experiment> all, int max, String token) {
        long from = OffsetToken.decode(token);
        ObjectNode out = MlflowJson.object();
        ArrayNode list = out.putArray("experiments");
        long to = Math.min(all.size(), from + max);
        for (long i = from; i < to; i++) {
            list.add(MlflowJson.experiment(all.get((int) i)));
        }
        if (to < all.size()) {
            out.put("next_page_token", OffsetToken.encode(to));
        }
        return out;
    }

    private JsonNode update(ApiRequest req) {
        Experiment e = ctx.experiment(req.required("experiment_id"));
        String newName = req.string("new_name");
        if (newName != null && !newName.isEmpty()) {
            Limits.checkKey(newName, "new_name");
            if (!newName.strip().equals(e.name()) && ctx.store().experiments().byName(newName.strip()).isPresent()) {
                throw ApiException.exists("Experiment(name=" + newName + ") already exists.");
            }
            ctx.store().experiments().rename(e.name(), newName);
        }
        return MlflowJson.object();
    }

    private JsonNode delete(ApiRequest req) {
        Experiment e = ctx.experiment(req.required("experiment_id"));
        ctx.store().experiments().delete(e.name());
        return MlflowJson.object();
    }

    private JsonNode restore(ApiRequest req) {
        Experiment e = ctx.experiment(req.required("experiment_id"));
        ctx.store().experiments().restore(e.name());
        return MlflowJson.object();
    }

    private JsonNode setTag(ApiRequest req) {
        Experiment e = ctx.experiment(req.required("experiment_id"));
        String key = req.required("key");
        Limits.checkKey(key, "key");
        String value = req.string("value");
        Limits.checkTagValue(key, value == null ? "" : value);
        if (e.lifecycle() == Lifecycle.DELETED) {
            throw ApiException.invalid("The experiment " + ServeContext.idOf(e)
                    + " must be in the 'active' state. Current state is deleted.");
        }
        ctx.store().experiments().setTag(e.name(), key, value == null ? "" : value);
        return MlflowJson.object();
    }

    /** MLflow's ViewType: which lifecycle states a search returns. */
    enum ViewType {
        ACTIVE_ONLY, DELETED_ONLY, ALL;

        static ViewType parse(String text) {
            if (text == null || text.isEmpty()) {
                return ACTIVE_ONLY;
            }
            return switch (text.strip().toUpperCase(Locale.ROOT)) {
                case "ACTIVE_ONLY", "1" -> ACTIVE_ONLY;
                case "DELETED_ONLY", "2" -> DELETED_ONLY;
                case "ALL", "3" -> ALL;
                default -> throw ApiException.invalid("Invalid view_type '" + text
                        + "' (expected ACTIVE_ONLY, DELETED_ONLY or ALL).");
            };
        }

        boolean includes(Lifecycle lifecycle) {
            return this == ALL || (this == ACTIVE_ONLY) == (lifecycle == Lifecycle.ACTIVE);
        }
    }
}
