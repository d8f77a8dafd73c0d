package dev.cairn.viewer.hparams;

import dev.cairn.viewer.common.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a column's values on a vertical axis as positions 0..1 (0 = bottom). Numeric columns: linear or log
 * between the smallest and largest value, optionally flipped. Categorical columns: one evenly spaced tick per
 * value. Missing values get their own tick at the very bottom ({@link #MISSING_POSITION}); present values then
 * use {@code [MISSING_GAP, 1]}.
 */
public final class AxisMapping {
    /** Where missing values sit. */
    public static final double MISSING_POSITION = 0.0;
    /** Bottom of the band for present values when the column has missing ones. */
    public static final double MISSING_GAP = 0.08;
    /** Label of the missing tick. */
    public static final String MISSING_LABEL = "(missing)";

    private final ParamColumn column;
    private final AxisScale scale;
    private final boolean flipped;
    private final boolean logUsable;
    private final double lo;
    private final double hi;
    private final double bottom;

    public AxisMapping(ParamColumn column, AxisScale scale, boolean flipped) {
        this.column = column;
        this.flipped = flipped;
        double[] range = column.isNumeric() ? column.range() : new double[] {0, Math.max(0, column.distinctCount() - 1)};
        this.logUsable = column.isNumeric() && scale == AxisScale.LOG && range[0] > 0;
        this.scale = logUsable ? AxisScale.LOG : AxisScale.LINEAR;
        this.lo = logUsable ? Math.log10(range[0]) : range[0];
        this.hi = logUsable ? Math.log10(range[1]) : range[1];
        this.bottom = column.missingCount() > 0 ? MISSING_GAP : 0.0;
    }

    public ParamColumn column() {
        return column;
    }

    /** The scale in effect (LINEAR when LOG was asked for but a value is not positive). */
    public AxisScale scale() {
        return scale;
    }

    public boolean flipped() {
        return flipped;
    }

    /** Position of a value (a number, or a category code) on the axis; NaN means missing. */
    public double positionOf(double value) {
        if (Double.isNaN(value)) {
            return MISSING_POSITION;
        }
        double v = logUsable ? Math.log10(value) : value;
        double t;
        if (!(hi > lo)) {
            t = 0.5;
        } else if (column.isNumeric()) {
            t = (v - lo) / (hi - lo);
        } else {
            t = (v + 0.5) / (hi - lo + 1);
        }
        if (flipped) {
            t = 1 - t;
        }
        return bottom + t * (1 - bottom);
    }

    /** Position of row {@code i}. */
    public double position(int i) {
        return positionOf(column.number(i));
    }

    /** Positions of every row, for drawing and brushing. */
    public float[] positions() {
        float[] out = new float[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) position(i);
        }
        return out;
    }

    /** Ticks: every category, or about {@code count} round numbers, plus the missing tick when needed. */
    public List<AxisTick> ticks(int count) {
        List<AxisTick> ticks = new ArrayList<>();
        if (column.missingCount() > 0) {
            ticks.add(new AxisTick(MISSING_POSITION, MISSING_LABEL));
        }
        if (!column.isNumeric()) {
            for (int c = 0; c < column.categories().size(); c++) {
                ticks.add(new AxisTick(positionOf(c), column.categories().get(c)));
            }
            return ticks;
        }
        if (Double.isNaN(lo)) {
            return ticks;
        }
        if (!(hi > lo)) {
            ticks.add(new AxisTick(positionOf(logUsable ? Math.pow(10, lo) : lo),
                    Formats.number(logUsable ? Math.pow(10, lo) : lo)));
            return ticks;
        }
        if (logUsable && hi - lo >= 1) {
            for (int e = (int) Math.ceil(lo); e <= Math.floor(hi); e++) {
                double v = Math.pow(10, e);
                ticks.add(new AxisTick(positionOf(v), Formats.number(v)));
            }
            return ticks;
        }
        double from = logUsable ? Math.pow(10, lo) : lo;
        double to = logUsable ? Math.pow(10, hi) : hi;
        double step = niceStep((to - from) / Math.max(1, count));
        for (double v = Math.ceil(from / step) * step; v <= to + step * 1e-9; v += step) {
            double rounded = Math.abs(v) < step * 1e-9 ? 0 : v;
            ticks.add(new AxisTick(positionOf(rounded), Formats.number(rounded)));
        }
        return ticks;
    }

    /** The value at a position, as text (for brush labels); "(missing)" at the bottom. */
    public String valueText(double position) {
        if (column.missingCount() > 0 && position < bottom) {
            return MISSING_LABEL;
        }
        double t = (position - bottom) / (1 - bottom);
        if (flipped) {
            t = 1 - t;
        }
        if (!column.isNumeric()) {
            int c = (int) Math.floor(t * column.distinctCount());
            c = Math.max(0, Math.min(column.distinctCount() - 1, c));
            return column.categories().isEmpty() ? "" : column.categories().get(c);
        }
        double v = lo + t * (hi - lo);
        return Formats.number(logUsable ? Math.pow(10, v) : v);
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }
}
