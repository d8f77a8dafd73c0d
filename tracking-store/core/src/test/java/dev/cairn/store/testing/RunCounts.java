package dev.cairn.store.testing;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.RunDetails;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What a store holds, to compare after a fault: per run id, the points of each metric and {@code #params}. */
public final class RunCounts {
    private RunCounts() {
    }

    /** Every run's metric point counts (by key) and param count ({@code #params}), by run id in id order. */
    public static Map<String, Map<String, Long>> of(TrackingStore store) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (RunDetails d : store.runs().details(store.runsChangedSince(0)).values()) {
            Map<String, Long> m = new HashMap<>();
            for (Map.Entry<String, MetricSummary> e : d.metrics().entrySet()) {
                m.put(e.getKey(), e.getValue().count());
            }
            m.put("#params", (long) d.params().size());
            out.put(d.run().id(), m);
        }
        return out;
    }
}
