package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.store.RunRef;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logging into runs: {@code runs/log-metric}, {@code log-parameter}, {@code log-batch}, {@code log-inputs}. A
 * request is validated whole first (MLflow's limits, value types), then written as one unit of work: all of it or
 * none. A param logged again with the same value is fine; with a different value it is INVALID_PARAMETER_VALUE and
 * nothing of the request is written (MLflow's rule). Concurrent requests share transactions through
 * {@link GroupCommit}; each is answered once its data is committed.
 */
final class RunLogging {
    private final ServeContext ctx;
    private final GroupCommit commits;

    RunLogging(ServeContext ctx, GroupCommit commits) {
        this.ctx = ctx;
        this.commits = commits;
    }

    void register(Router r) {
        r.on("POST", "runs/log-metric", this::logMetric)
                .on("POST", "runs/log-parameter", this::logParam)
                .onRaw("POST", "runs/log-batch", this::logBatch)
                .on("POST", "runs/log-inputs", this::logInputs);
    }

    private JsonNode logMetric(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        Batch batch = new Batch();
        batch.metric(req.body(), System.currentTimeMillis());
        write(id, batch);
        return MlflowJson.object();
    }

    private JsonNode logParam(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        Batch batch = new Batch();
        batch.param(req.body());
        write(id, batch);
        return MlflowJson.object();
    }

    private JsonNode logBatch(ApiRequest req) {
        long now = System.currentTimeMillis();
        LogBatchDecoder.Decoded batch = req.raw() == null ? null : LogBatchDecoder.decode(req.raw(), now);
        if (batch == null) {
            batch = fromTree(req, now);
        }
        write(batch.runId(), batch.batch());
        return MlflowJson.object();
    }

    /**
     * A log-batch request read through its tree, validated as MLflow does, in MLflow's order: the path for every
     * body {@link LogBatchDecoder} does not take, so every error of log-batch comes from here.
     */
    static LogBatchDecoder.Decoded fromTree(ApiRequest req, long now) {
        String id = req.required("run_id");
        List<JsonNode> metrics = req.objects("metrics");
        List<JsonNode> params = req.objects("params");
        List<JsonNode> tags = req.objects("tags");
        if (metrics.size() > Limits.MAX_BATCH_METRICS) {
            throw ApiException.invalid("A batch logging request can contain at most " + Limits.MAX_BATCH_METRICS
                    + " metrics. Got " + metrics.size() + " metrics.");
        }
        if (params.size() > Limits.MAX_BATCH_PARAMS_TAGS) {
            throw ApiException.invalid("A batch logging request can contain at most "
                    + Limits.MAX_BATCH_PARAMS_TAGS + " params. Got " + params.size() + " params.");
        }
        if (tags.size() > Limits.MAX_BATCH_PARAMS_TAGS) {
            throw ApiException.invalid("A batch logging request can contain at most "
                    + Limits.MAX_BATCH_PARAMS_TAGS + " tags. Got " + tags.size() + " tags.");
        }
        int total = metrics.size() + params.size() + tags.size();
        if (total > Limits.MAX_BATCH_ENTITIES) {
            throw ApiException.invalid("A batch logging request can contain at most " + Limits.MAX_BATCH_ENTITIES
                    + " total metrics, params, and tags. Got " + total + ".");
        }
        Batch batch = new Batch();
        for (JsonNode m : metrics) {
            batch.metric(m, now);
        }
        for (JsonNode p : params) {
            batch.param(p);
        }
        for (JsonNode t : tags) {
            String key = Limits.tagKey(t);
            batch.tag(key, Limits.tagValue(t, key));
        }
        return new LogBatchDecoder.Decoded(id, batch);
    }

    private JsonNode logInputs(ApiRequest req) {
        String id = req.required("run_id");
        List<DatasetInput> inputs = new ArrayList<>();
        for (JsonNode d : req.objects("datasets")) {
            JsonNode ds = d.get("dataset");
            if (ds == null || !ds.isObject()) {
                throw ApiRequest.missing("datasets.dataset");
            }
            String name = text(ds, "name");
            String digest = text(ds, "digest");
            if (name == null || name.isEmpty()) {
                throw ApiRequest.missing("dataset.name");
            }
            if (digest == null || digest.isEmpty()) {
                throw ApiRequest.missing("dataset.digest");
            }
            String context = null;
            JsonNode tags = d.get("tags");
            if (tags != null && tags.isArray()) {
                for (JsonNode t : tags) {
                    if ("mlflow.data.context".equals(text(t, "key"))) {
                        context = text(t, "value");
                    }
                }
            }
            inputs.add(new DatasetInput(name, digest, text(ds, "source"), text(ds, "schema"), context));
        }
        requireActive(ctx.run(id));
        if (!inputs.isEmpty()) {
            ctx.store().runs().addInputs(id, inputs);
        }
        return MlflowJson.object();
    }

    private void write(String id, Batch batch) {
        Run run = requireActive(ctx.run(id));
        TrackingStore store = ctx.store();
        commits.write(w -> {
            RunRef ref = w.run(run.id());
            if (!batch.params.isEmpty()) {
                Map<String, String> existing = store.runs().params(run.id());
                Map<String, String> fresh = new LinkedHashMap<>();
                for (Map.Entry<String, String> p : batch.params.entrySet()) {
                    String old = existing.get(p.getKey());
                    if (old == null) {
                        fresh.put(p.getKey(), p.getValue());
                    } else if (!old.equals(p.getValue())) {
                        throw ApiException.invalid("Changing param values is not allowed. Param with key='"
                                + p.getKey() + "' was already logged with value='" + old + "' for run ID='"
                                + run.id() + "'. Attempted logging new value '" + p.getValue() + "'.");
                    }
                }
                if (!fresh.isEmpty()) {
                    w.logParams(ref, fresh);
                }
            }
            batch.appendMetrics(w, ref);
            if (!batch.tags.isEmpty()) {
                SystemTags.set(store, run.id(), batch.tags);
            }
        });
    }

    /** The run, if active; INVALID_PARAMETER_VALUE for a deleted one (MLflow's rule). */
    static Run requireActive(Run run) {
        if (run.lifecycle() != Lifecycle.ACTIVE) {
            throw ApiException.invalid("The run " + run.id() + " must be in the 'active' state. Current state is "
                    + run.lifecycle().label() + ".");
        }
        return run;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** What one request logs: metrics grouped by key (in arrival order), params, tags. */
    static final class Batch {
        final Map<String, Points> metrics = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        void metric(JsonNode m, long now) {
            JsonNode k = m.get("key");
            String key = k == null || k.isNull() ? null : k.asText();
            Limits.checkKey(key, "key");
            double value = value(m.get("value"), key);
            long timestamp = integer(m.get("timestamp"), "timestamp", now);
            long step = integer(m.get("step"), "step", 0);
            points(key).add(step, timestamp, value);
        }

        /** The columns of {@code key}'s points (a checked key). */
        Points points(String key) {
            return points(key, 8);
        }

        /** The columns of {@code key}'s points, room for {@code capacity} made when the key is new. */
        Points points(String key, int capacity) {
            return metrics.computeIfAbsent(key, x -> new Points(Math.max(1, capacity)));
        }

        void param(JsonNode p) {
            JsonNode k = p.get("key");
            String key = k == null || k.isNull() ? null : k.asText();
            JsonNode v = p.get("value");
            param(key, v == null || v.isNull() ? "" : v.asText());
        }

        /** A param, checked: key, value length, and no other value for the same key in this request. */
        void param(String key, String value) {
            Limits.checkKey(key, "key");
            Limits.checkParamValue(key, value);
            String before = params.putIfAbsent(key, value);
            if (before != null && !before.equals(value)) {
                throw ApiException.invalid("Duplicate parameter keys have been submitted: '" + key
                        + "' with different values ('" + before + "', '" + value + "').");
            }
        }

        /** A tag, checked; a key given twice keeps the last value. */
        void tag(String key, String value) {
            Limits.checkKey(key, "key");
            Limits.checkTagValue(key, value);
            tags.put(key, value);
        }

        void appendMetrics(dev.cairn.store.StoreWriter w, RunRef ref) {
            for (Map.Entry<String, Points> e : metrics.entrySet()) {
                Points p = e.getValue();
                w.append(ref, e.getKey(), p.steps, p.timestamps, p.values, 0, p.size);
            }
        }

        private static double value(JsonNode v, String key) {
            if (v == null || v.isNull()) {
                throw ApiRequest.missing("value");
            }
            if (v.isNumber()) {
                return v.doubleValue();
            }
            if (v.isTextual()) {
                switch (v.asText()) {
                    case "NaN":
                        return Double.NaN;
                    case "Infinity":
                        return Double.POSITIVE_INFINITY;
                    case "-Infinity":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        try {
                            return Double.parseDouble(v.asText().strip());
                        } catch (NumberFormatException e) {
                            break;
                        }
                }
            }
            throw ApiException.invalid("Got invalid value " + v + " for metric '" + key
                    + "' (expected a number, \"NaN\", \"Infinity\" or \"-Infinity\").");
        }

        private static long integer(JsonNode v, String name, long fallback) {
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (v.canConvertToExactIntegral() || v.isIntegralNumber()) {
                return v.longValue();
            }
            if (v.isTextual()) {
                try {
                    return Long.parseLong(v.asText().strip());
                } catch (NumberFormatException e) {
                    // falls through
                }
            }
            throw ApiException.invalid("Invalid value " + v + " for parameter '" + name
                    + "' supplied: expected an integer.");
        }
    }

    /** Growing columns of one metric's points. */
    static final class Points {
        long[] steps;
        long[] timestamps;
        double[] values;
        int size;

        Points(int capacity) {
            steps = new long[capacity];
            timestamps = new long[capacity];
            values = new double[capacity];
        }

        void add(long step, long timestamp, double value) {
            if (size == steps.length) {
                steps = java.util.Arrays.copyOf(steps, size * 2);
                timestamps = java.util.Arrays.copyOf(timestamps, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            steps[size] = step;
            timestamps[size] = timestamp;
            values[size] = value;
            size++;
        }
    }
}
