package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.Runs;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.query.RunPage;
import dev.cairn.store.query.RunQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code runs/*} apart from logging: create, get, update, delete, restore, search, set-tag, delete-tag. Runs created
 * here take MLflow's system tags as fields (see {@link SystemTags}) and an artifact URI under the artifacts proxy.
 */
final class RunHandlers {
    static final int MAX_SEARCH_RESULTS = 50_000;
    private static final int DEFAULT_SEARCH_RESULTS = 1000;
    private final ServeContext ctx;
    private final String version;

    RunHandlers(ServeContext ctx, String version) {
        this.ctx = ctx;
        this.version = version;
    }

    void register(Router r) {
        r.on("POST", "runs/create", this::create)
                .on("GET", "runs/get", this::get)
                .on("POST", "runs/update", this::update)
                .on("POST", "runs/delete", this::delete)
                .on("POST", "runs/restore", this::restore)
                .on("POST", "runs/search", this::search)
                .on("POST", "runs/set-tag", this::setTag)
                .on("POST", "runs/delete-tag", this::deleteTag);
    }

    private JsonNode create(ApiRequest req) {
        String expId = req.string("experiment_id");
        Experiment exp = ctx.experiment(expId == null || expId.isEmpty() ? ServeContext.DEFAULT_ID : expId);
        if (exp.lifecycle() != Lifecycle.ACTIVE) {
            throw ApiException.invalid("The experiment " + ServeContext.idOf(exp)
                    + " must be in the 'active' state. Current state is deleted.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : req.objects("tags")) {
            String key = Limits.tagKey(t);
            tags.put(key, Limits.tagValue(t, key));
        }
        String runName = req.string("run_name");
        String tagName = blankToNull(tags.get(SystemTags.RUN_NAME));
        if (runName != null && !runName.isEmpty() && tagName != null && !runName.equals(tagName)) {
            throw ApiException.invalid("Both 'run_name' parameter and '" + SystemTags.RUN_NAME + "' tag are "
                    + "specified, but with different values (run_name='" + runName + "', " + SystemTags.RUN_NAME
                    + "='" + tagName + "').");
        }
        String given = runName != null && !runName.isEmpty() ? runName : tagName;
        // like MLflow's server: a run created without a name gets a generated one (and so the mlflow.runName tag)
        String name = given != null ? given : RunNames.generate(ThreadLocalRandom.current());
        String user = req.string("user_id");
        user = user != null && !user.isEmpty() ? user : blankToNull(tags.get(SystemTags.USER));
        String parent = blankToNull(tags.get(SystemTags.PARENT));
        if (parent != null && ctx.store().runs().get(parent).isEmpty()) {
            throw ApiException.invalid("Invalid value '" + parent + "' for tag '" + SystemTags.PARENT
                    + "': no run with that id.");
        }
        long now = System.currentTimeMillis();
        Long start = req.longOrNull("start_time");
        String id = Runs.newId();
        String expIdText = ServeContext.idOf(exp);
        NewRun spec = new NewRun(exp.name(), id, name, RunStatus.RUNNING, start != null ? start : now, null, user,
                parent, blankToNull(tags.get(SystemTags.SOURCE_NAME)), blankToNull(tags.get(SystemTags.SOURCE_COMMIT)),
                ServeContext.artifactLocation(expIdText) + "/" + id + "/artifacts",
                Provenance.here("cairn-serve", version, null));
        String note = blankToNull(tags.get(SystemTags.NOTE));
        Map<String, String> plain = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            if (!SystemTags.isCreationField(k)) {
                plain.put(k, v);
            }
        });
        TrackingStore store = ctx.store();
        store.write(w -> {
            var ref = w.createRun(spec);
            if (!plain.isEmpty()) {
                w.setTags(ref, plain);
            }
            if (note != null) {
                store.runs().setNote(id, note);
            }
        });
        ObjectNode out = MlflowJson.object();
        out.set("run", runJson(id));
        return out;
    }

    private JsonNode get(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        ctx.run(id);
        ObjectNode out = MlflowJson.object();
        out.set("run", runJson(id));
        return out;
    }

    /** The whole run as MLflow shows it. */
    JsonNode runJson(String id) {
        RunDetails d = ctx.store().runs().details(List.of(id)).get(id);
        if (d == null) {
            throw ApiException.notFound("Run with id=" + id + " not found");
        }
        return MlflowJson.run(d, ctx.store().runs().inputs(id));
    }

    private JsonNode update(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        Run run = ctx.run(id);
        String status = req.string("status");
        Long end = req.longOrNull("end_time");
        String name = req.string("run_name");
        RunStatus parsed = status == null || status.isEmpty() ? null : parseStatus(status);
        TrackingStore store = ctx.store();
        store.write(w -> {
            if (parsed != null) {
                store.runs().setStatus(id, parsed, parsed.isTerminal() ? end : null);
            }
            if (end != null && (parsed == null || !parsed.isTerminal())) {
                store.runs().setTimes(id, run.startMs(), end);
            }
            if (name != null && !name.isEmpty()) {
                store.runs().rename(id, name);
            }
        });
        ObjectNode out = MlflowJson.object();
        out.set("run_info", MlflowJson.runInfo(ctx.run(id)));
        return out;
    }

    private static RunStatus parseStatus(String status) {
        try {
            return RunStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Invalid value '" + status + "' for parameter 'status': " + e.getMessage());
        }
    }

    private JsonNode delete(ApiRequest req) {
        String id = req.required("run_id");
        ctx.run(id);
        ctx.store().runs().delete(id);
        return MlflowJson.object();
    }

    private JsonNode restore(ApiRequest req) {
        String id = req.required("run_id");
        ctx.run(id);
        ctx.store().runs().restore(id);
        return MlflowJson.object();
    }

    private JsonNode search(ApiRequest req) {
        int max = OffsetToken.maxResults(req, DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
        List<String> experiments = new ArrayList<>();
        for (String expId : req.strings("experiment_ids")) {
            experiments.add(ctx.experiment(expId).name());
        }
        ExperimentHandlers.ViewType view = ExperimentHandlers.ViewType.parse(req.string("run_view_type"));
        String filter = req.string("filter");
        boolean hasFilter = filter != null && !filter.isBlank();
        if (view == ExperimentHandlers.ViewType.DELETED_ONLY) {
            filter = (hasFilter ? "(" + filter + ") AND " : "") + "attributes.lifecycle = 'deleted'";
        }
        RunQuery query = new RunQuery(experiments, filter, req.strings("order_by"),
                view != ExperimentHandlers.ViewType.ACTIVE_ONLY, max, emptyToNull(req.string("page_token")));
        RunPage page = ctx.store().search().search(query);
        List<String> ids = page.runs().stream().map(Run::id).toList();
        Map<String, RunDetails> details = ctx.store().runs().details(ids);
        Map<String, List<DatasetInput>> inputs = ctx.store().runs().inputs(ids);
        ObjectNode out = MlflowJson.object();
        ArrayNode runs = out.putArray("runs");
        for (String id : ids) {
            RunDetails d = details.get(id);
            if (d != null) {
                runs.add(MlflowJson.run(d, inputs.getOrDefault(id, List.of())));
            }
        }
        if (page.nextPageToken() != null) {
            out.put("next_page_token", page.nextPageToken());
        }
        return out;
    }

    private JsonNode setTag(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        String key = req.required("key");
        Limits.checkKey(key, "key");
        String value = req.string("value");
        Limits.checkTagValue(key, value == null ? "" : value);
        RunLogging.requireActive(ctx.run(id));
        TrackingStore store = ctx.store();
        Map<String, String> one = new LinkedHashMap<>();
        one.put(key, value == null ? "" : value);
        store.write(w -> SystemTags.set(store, id, one));
        return MlflowJson.object();
    }

    private JsonNode deleteTag(ApiRequest req) {
        String id = req.required("run_id");
        String key = req.required("key");
        Run run = RunLogging.requireActive(ctx.run(id));
        TrackingStore store = ctx.store();
        boolean[] removed = new boolean[1];
        store.write(w -> removed[0] = SystemTags.remove(store, run, key));
        if (!removed[0]) {
            throw ApiException.notFound("No tag with name: " + key + " in run with id " + id);
        }
        return MlflowJson.object();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
