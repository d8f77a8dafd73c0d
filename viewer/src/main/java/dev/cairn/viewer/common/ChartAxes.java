package dev.cairn.viewer.common;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * ChartFX axes as the viewer's charts use them: a name and no unit (ChartFX would print empty brackets "[]" after
 * the name), no rounding of the auto range to tick units, zero not forced into the range.
 */
public final class ChartAxes {
    private ChartAxes() {
    }

    /** A numeric axis named {@code name}. */
    public static DefaultNumericAxis numeric(String name) {
        DefaultNumericAxis axis = new DefaultNumericAxis(name);
        axis.setUnit(null);
        axis.setAutoRangeRounding(false);
        axis.setForceZeroInRange(false);
        axis.setAutoRangePadding(0.05);
        return axis;
    }

    /**
     * A date axis named {@code name}: values are days since the epoch (see {@link #day}), ticks read "05-13" (UTC
     * month and day, as the drift heatmap labels its batches).
     */
    public static DefaultNumericAxis dates(String name) {
        DefaultNumericAxis axis = numeric(name);
        axis.setAutoRangePadding(0.02);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number days) {
                return dateLabel(days.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return java.time.LocalDate.parse(s).toEpochDay();
            }
        });
        return axis;
    }

    /** The x of epoch-ms {@code timeMs} on a {@link #dates} axis: days since 1970-01-01 UTC. */
    public static double day(long timeMs) {
        return timeMs / 86_400_000.0;
    }

    /** The x range a {@link #dates} axis shows for data from {@code firstMs} to {@code lastMs} (with its padding). */
    public static double span(long firstMs, long lastMs) {
        return Math.max(1.0 / 24, day(lastMs) - day(firstMs)) * 1.04;
    }

    /** The tick label of {@code days} on a {@link #dates} axis: "MM-dd" of that UTC day. */
    public static String dateLabel(double days) {
        return java.time.LocalDate.ofEpochDay((long) Math.floor(days + 1e-9)).toString().substring(5);
    }
}
