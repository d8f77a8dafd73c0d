package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.Formats;

import java.util.Locale;

/**
 * A metric value against the reference run's: signed difference and percent of the reference's magnitude
 * (NaN percent when the reference is 0).
 */
public record MetricDelta(double delta, double percent) {

    /** The delta of {@code value} against {@code reference}; null when either is missing (NaN). */
    public static MetricDelta of(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference)) {
            return null;
        }
        double delta = value - reference;
        double percent = reference == 0 ? Double.NaN : delta / Math.abs(reference) * 100.0;
        return new MetricDelta(delta, percent);
    }

    private static double threeDigits(double v) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    /** "+0.012 (+1.3%)", "-4 (-50.0%)", "±0 (0.0%)". */
    public String format() {
        String d = delta == 0 ? "±0" : (delta > 0 ? "+" : "") + Formats.number(threeDigits(delta));
        if (Double.isNaN(percent) || Double.isInfinite(percent)) {
            return d;
        }
        String p = percent == 0 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", percent);
        return d + " (" + p + ")";
    }
}
