package dev.cairn.store.drift;

import java.util.Map;

/**
 * A model's drift configuration: the dataset drift share and per-column overrides of test and threshold.
 *
 * @param share   a dataset drifts when at least this share of its columns drift (default 0.5)
 * @param columns overrides keyed by column name
 */
public record DriftSettings(double share, Map<String, ColumnSetting> columns) {

    /** Evidently's default share. */
    public static final double DEFAULT_SHARE = 0.5;

    /** Copies the map. */
    public DriftSettings {
        columns = Map.copyOf(columns);
    }

    /**
     * An override for one column.
     *
     * @param testId    a drift test id, or null for the default choice
     * @param threshold a threshold, or null for the test's default
     */
    public record ColumnSetting(String testId, Double threshold) {
    }
}
