package dev.cairn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;

import java.util.List;
import java.util.TreeSet;

/**
 * {@code metrics/get-history} (whole series, or pages of {@code max_results} points) and
 * {@code metrics/get-history-bulk-interval}: for up to 100 runs, at most {@code max_results} (1 to 2,500; default
 * 2,500) points of a metric per run between {@code start_step} and {@code end_step}, plus each run's first and last
 * step, as MLflow's charts ask. Cairn answers it from the store's bucketed downsampling (chunk summaries; only
 * straddling chunks are decoded): one point per non-empty bucket (its last), never the whole series.
 */
final class MetricHandlers {
    static final int MAX_BULK_RUNS = 100;
    static final int MAX_RESULTS_PER_RUN = 2500;
    private final ServeContext ctx;

    MetricHandlers(ServeContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.on("GET", "metrics/get-history", this::history)
                .on("GET", "metrics/get-history-bulk-interval", this::bulkInterval);
    }

    private JsonNode history(ApiRequest req) {
        String id = req.required("run_id", "run_uuid");
        String key = req.required("metric_key");
        ctx.run(id);
        MetricSeries s = ctx.store().metrics().read(id, key);
        String token = req.string("page_token");
        long from = OffsetToken.decode(token);
        Long maxArg = req.longOrNull("max_results");
        if (maxArg != null && maxArg < 1) {
            throw ApiException.invalid("Invalid value " + maxArg + " for parameter 'max_results': must be positive.");
        }
        long to = maxArg == null ? s.size() : Math.min(s.size(), from + maxArg);
        ObjectNode out = MlflowJson.object();
        ArrayNode metrics = out.putArray("metrics");
        for (long i = from; i < to; i++) {
            int j = (int) i;
            MlflowJson.point(metrics, key, s.values()[j], s.timestamps()[j], s.steps()[j]);
        }
        if (to < s.size()) {
            out.put("next_page_token", OffsetToken.encode(to));
        }
        return out;
    }

    private JsonNode bulkInterval(ApiRequest req) {
        List<String> runIds = req.strings("run_ids");
        if (runIds.isEmpty()) {
            throw ApiRequest.missing("run_ids");
        }
        if (runIds.size() > MAX_BULK_RUNS) {
            throw ApiException.invalid("GetMetricHistoryBulkInterval request must specify at most "
                    + MAX_BULK_RUNS + " run_ids. Received " + runIds.size() + " run_ids.");
        }
        String key = req.required("metric_key");
        long max = req.longValue("max_results", MAX_RESULTS_PER_RUN);
        if (max < 1 || max > MAX_RESULTS_PER_RUN) {
            throw ApiException.invalid("max_results must be between 1 and " + MAX_RESULTS_PER_RUN + ".");
        }
        Long start = req.longOrNull("start_step");
        Long end = req.longOrNull("end_step");
        if ((start == null) != (end == null)) {
            throw ApiException.invalid("If either start step or end step are specified, both must be specified.");
        }
        if (start != null && start > end) {
            throw ApiException.invalid("end_step must be greater than start_step. Found start_step=" + start
                    + " and end_step=" + end + ".");
        }
        SeriesRange range = start == null ? SeriesRange.all() : SeriesRange.steps(start, end);
        ObjectNode out = MlflowJson.object();
        ArrayNode metrics = out.putArray("metrics");
        for (String id : new TreeSet<>(runIds)) {
            ctx.run(id);
            BucketedSeries b = ctx.store().metrics().downsample(id, key, range, (int) max);
            if (b.size() == 0) {
                continue;
            }
            MetricSeries first = ctx.store().metrics().read(id, key,
                    SeriesRange.steps(range.isAll() ? Long.MIN_VALUE : range.from(), b.lastStep()[0]));
            if (first.size() > 0 && first.steps()[0] != b.lastStep()[0]) {
                MlflowJson.point(metrics, key, first.values()[0], first.timestamps()[0], first.steps()[0])
                        .put("run_id", id);
            }
            for (int i = 0; i < b.size(); i++) {
                MlflowJson.point(metrics, key, b.last()[i], b.lastTimestamp()[i], b.lastStep()[i]).put("run_id", id);
            }
        }
        return out;
    }
}
