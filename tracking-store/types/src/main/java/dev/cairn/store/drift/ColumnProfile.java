package dev.cairn.store.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The profile of one column of a dataset.
 *
 * @param present     rows with a value
 * @param missing     rows without one (empty, NA, null, NaN)
 * @param numeric     the numeric summary for numeric and date-time columns, else null
 * @param valueCounts exact counts per value for categorical and boolean columns (empty for numeric ones); at most
 *                    {@link #MAX_TRACKED_VALUES} values, the rest is in {@code otherCount}
 * @param otherCount  rows whose value was not tracked because the column had too many distinct values
 */
public record ColumnProfile(String name, ColumnType type, ColumnRole role, long present, long missing,
                            NumericProfile numeric, Map<String, Long> valueCounts, long otherCount) {

    /** Distinct values counted exactly per categorical column. */
    public static final int MAX_TRACKED_VALUES = 10_000;

    /** Normalises a null value map to an empty one. */
    public ColumnProfile {
        valueCounts = valueCounts == null ? Map.of() : valueCounts;
    }

    /**
     * The {@code limit} most frequent values, then one entry "other" with the rest (including untracked values)
     * when there is any rest.
     */
    public List<Map.Entry<String, Long>> topValues(int limit) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(valueCounts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> out = new ArrayList<>(sorted.subList(0, Math.min(limit, sorted.size())));
        long rest = otherCount;
        for (int i = out.size(); i < sorted.size(); i++) {
            rest += sorted.get(i).getValue();
        }
        if (rest > 0) {
            out.add(Map.entry("other", rest));
        }
        return out;
    }
}
