package dev.cairn.store.series;

/** The x axis a range or a bucketing refers to: the step, or the wall-clock timestamp in ms. */
public enum SeriesAxis {
    STEP, TIME
}
