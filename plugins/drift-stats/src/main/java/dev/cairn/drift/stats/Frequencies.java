package dev.cairn.drift.stats;

import dev.cairn.plugin.drift.ColumnSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference and current counts aligned over the union of categories (Evidently's
 * {@code get_unique_not_nan_values_list_from_series}); a category absent on one side counts 0.
 * Numeric samples contribute one category per distinct value.
 *
 * @param categories category labels, reference categories first
 * @param reference  reference count per category
 * @param current    current count per category
 * @param referenceTotal sum of {@code reference}
 * @param currentTotal   sum of {@code current}
 */
record Frequencies(List<String> categories, long[] reference, long[] current,
                   long referenceTotal, long currentTotal) {

    /**
     * @param reference reference sample
     * @param current   current sample
     * @return the aligned counts
     */
    static Frequencies of(ColumnSample reference, ColumnSample current) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String k : reference.counts().keySet()) {
            index.putIfAbsent(k, index.size());
        }
        for (String k : current.counts().keySet()) {
            index.putIfAbsent(k, index.size());
        }
        long[] ref = new long[index.size()];
        long[] cur = new long[index.size()];
        long refTotal = 0;
        long curTotal = 0;
        for (Map.Entry<String, Long> e : reference.counts().entrySet()) {
            ref[index.get(e.getKey())] = e.getValue();
            refTotal += e.getValue();
        }
        for (Map.Entry<String, Long> e : current.counts().entrySet()) {
            cur[index.get(e.getKey())] = e.getValue();
            curTotal += e.getValue();
        }
        return new Frequencies(new ArrayList<>(index.keySet()), ref, cur, refTotal, curTotal);
    }

    /** @return the number of categories in the union */
    int size() {
        return categories.size();
    }
}
