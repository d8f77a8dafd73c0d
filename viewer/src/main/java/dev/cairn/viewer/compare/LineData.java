package dev.cairn.viewer.compare;

/**
 * The bucketed points of one {@link ChartLine} as loaded from the store, x already in plot units (steps or
 * seconds).
 */
public record LineData(ChartLine line, double[] x, double[] last, double[] min, double[] max) {
}
