package dev.cairn.app.cli;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.series.BucketedSeries;
import dev.cairn.store.series.MetricSeries;
import dev.cairn.store.series.SeriesRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn metric --run ID --key KEY [--buckets N] [--json]}. */
@Command(name = "metric", mixinStandardHelpOptions = true, description = "Print a metric series of a run.")
public final class MetricCommand extends StoreCommand {
    @Option(names = "--run", required = true, paramLabel = "ID", description = "Run id.")
    String runId;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Metric key.")
    String key;

    @Option(names = "--buckets", paramLabel = "N",
            description = "Downsample to N step buckets: each bucket's last point, with min, max and count.")
    Integer buckets;

    @Option(names = "--json", description = "Print JSON: [{step, timestamp, value}].")
    boolean json;

    @Override
    public Integer call() {
        if (buckets != null && buckets < 1) {
            throw new CliErrors.UsageException("--buckets must be at least 1");
        }
        try (TrackingStore store = openStore(false)) {
            store.runs().require(runId);
            if (!store.metrics().summaries(runId).containsKey(key)) {
                throw new IllegalArgumentException("Run " + runId + " has no metric '" + key + "'.");
            }
            List<Map<String, Object>> points = new ArrayList<>();
            if (buckets == null) {
                MetricSeries s = store.metrics().read(runId, key);
                for (int i = 0; i < s.size(); i++) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("step", s.steps()[i]);
                    p.put("timestamp", s.timestamps()[i]);
                    p.put("value", Json.number(s.values()[i]));
                    points.add(p);
                }
            } else {
                BucketedSeries b = store.metrics().downsample(runId, key, SeriesRange.all(), buckets);
                for (int i = 0; i < b.size(); i++) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("step", b.lastStep()[i]);
                    p.put("timestamp", b.lastTimestamp()[i]);
                    p.put("value", Json.number(b.last()[i]));
                    p.put("min", Json.number(b.min()[i]));
                    p.put("max", Json.number(b.max()[i]));
                    p.put("count", b.count()[i]);
                    points.add(p);
                }
            }
            if (json) {
                out().println(Json.write(points));
            } else {
                TextTable table = buckets == null ? new TextTable("STEP", "TIME", "VALUE")
                        : new TextTable("STEP", "TIME", "VALUE", "MIN", "MAX", "COUNT");
                for (Map<String, Object> p : points) {
                    String value = String.valueOf(p.get("value"));
                    if (buckets == null) {
                        table.row(String.valueOf(p.get("step")), TextTable.time((Long) p.get("timestamp")), value);
                    } else {
                        table.row(String.valueOf(p.get("step")), TextTable.time((Long) p.get("timestamp")), value,
                                String.valueOf(p.get("min")), String.valueOf(p.get("max")),
                                String.valueOf(p.get("count")));
                    }
                }
                table.print(out());
            }
            return 0;
        }
    }
}
