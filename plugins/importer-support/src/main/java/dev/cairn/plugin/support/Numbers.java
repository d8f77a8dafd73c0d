package dev.cairn.plugin.support;

import java.util.Locale;

/**
 * The one rule for numbers read from text logs: plain decimal numbers plus the spellings Python writes
 * ({@code nan}, {@code inf}, {@code -inf}, {@code Infinity}). A finite literal too large for a double
 * ({@code 1e400}) is refused rather than becoming infinity, and so is anything else that is not a number.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Parses {@code text} (already trimmed).
     *
     * @throws NumberFormatException with a message saying why, when it is not a number a metric can hold
     */
    public static double parse(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan", "+nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Double.parseDouble also takes hex floats, a trailing 'd'/'f' and surrounding spaces: not numbers here
                if (text.isEmpty() || !isDecimal(text)) {
                    throw new NumberFormatException("'" + text + "' is not a number");
                }
                double v = Double.parseDouble(text);
                if (Double.isInfinite(v)) {
                    throw new NumberFormatException("'" + text + "' is too large for a number (beyond ±1.8e308)");
                }
                return v;
            }
        }
    }

    /** Sign, digits with at most one point, optional exponent: {@code -1.5e-3}, {@code .5}, {@code 3.}. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (t.charAt(i) == '+' || t.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }
}
