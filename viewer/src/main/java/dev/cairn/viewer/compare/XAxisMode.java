package dev.cairn.viewer.compare;

import dev.cairn.store.series.SeriesAxis;

/** What the x axis of metric charts shows. Times are plotted in seconds. */
public enum XAxisMode {
    STEP("Step"), WALL_TIME("Wall time"), RELATIVE_TIME("Relative time");

    private final String label;

    XAxisMode(String label) {
        this.label = label;
    }

    /** The store axis that ranges and buckets of this mode refer to. */
    public SeriesAxis storeAxis() {
        return this == STEP ? SeriesAxis.STEP : SeriesAxis.TIME;
    }

    @Override
    public String toString() {
        return label;
    }
}
