package dev.cairn.store.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A parameter value: always stored as the string the user logged, readable typed as number, boolean or string.
 */
public record ParamValue(String raw) {

    /** How a param value reads. */
    public enum Type { NUMBER, BOOLEAN, STRING }

    public ParamValue {
        Objects.requireNonNull(raw, "raw");
    }

    public Type type() {
        if (asNumber() != null) {
            return Type.NUMBER;
        }
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? Type.BOOLEAN : Type.STRING;
    }

    /** The value as a number, or null when it does not read as one ("1e-3", "42", "NaN", "inf" do). */
    public Double asNumber() {
        return parseNumber(raw);
    }

    /** The value as a boolean, or null when it is not "true"/"false" (any case). */
    public Boolean asBoolean() {
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Parses a decimal number the way a data scientist writes it (and Python prints it: {@code nan}, {@code inf},
     * {@code -inf}, {@code Infinity}); null when it is not one. A finite literal too large for a double
     * ({@code 1e400}) is not a number here: it never becomes infinity. Hex floats are not numbers either.
     */
    public static Double parseNumber(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
            case "-nan":
            case "+nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char first = s.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        char last = s.charAt(s.length() - 1);
        if (!(Character.isDigit(last) || last == '.')) {
            return null;
        }
        if (s.indexOf('x') >= 0 || s.indexOf('X') >= 0) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return raw;
    }
}
