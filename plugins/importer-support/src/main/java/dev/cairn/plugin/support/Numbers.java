package dev.cairn.plugin.support;

import dev.cairn.store.model.ParamValue;

/**
 * The store's one number rule ({@link ParamValue#parseNumber}) for text logs, failing with a message instead of
 * null: plain decimal numbers plus the spellings Python writes ({@code nan}, {@code inf}, {@code -inf},
 * {@code Infinity}). A finite literal too large for a double ({@code 1e400}) is refused rather than becoming infinity,
 * and so is anything else that is not a number.
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
        Double v = ParamValue.parseNumber(text);
        if (v != null && text.equals(text.strip())) {
            return v;
        }
        if (looksFinite(text)) {
            throw new NumberFormatException("'" + text + "' is too large for a number (beyond ±1.8e308)");
        }
        throw new NumberFormatException("'" + text + "' is not a number");
    }

    private static boolean looksFinite(String text) {
        try {
            return !text.isEmpty() && Character.isDigit(text.charAt(text.length() - 1))
                    && Double.isInfinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
