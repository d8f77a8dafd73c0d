package dev.cairn.store.profiling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Parsing of cell text: missing markers, numbers (with a fast path for plain decimals), booleans, date-times. */
public final class Values {
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "none", "inf", "-inf", "Inf", "-Inf");
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Values() {
    }

    static boolean isMissing(String text) {
        if (text.isEmpty()) {
            return true;
        }
        char first = text.charAt(0);
        if (first >= '0' && first <= '9' || text.length() > 4) {
            return false;
        }
        return MISSING.contains(text);
    }

    /**
     * The number in {@code text}, or NaN when it is not one. Plain decimals with up to 15 significant digits are
     * converted exactly (both integer and power of ten are exact doubles); everything else goes to
     * {@link Double#parseDouble}.
     */
    static double parseNumber(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean any = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slowParse(text);
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (digits > 15 || scale > 22) {
            return slowParse(text);
        }
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    private static double slowParse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        char last = t.charAt(t.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || t.startsWith("0x") || t.startsWith("0X")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isNaN(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** "true" or "false" for boolean text (true/false, yes/no, any case), else null. */
    static String parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
            return "true";
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no")) {
            return "false";
        }
        return null;
    }

    /** Epoch milliseconds of an ISO-8601 date, local date-time (taken as UTC) or offset date-time, else NaN. */
    static double parseDateTime(String text) {
        if (text.length() < 10 || text.charAt(4) != '-') {
            return Double.NaN;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String t = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            char end = t.charAt(t.length() - 1);
            if (end == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /** Cell text for a value given through the Java API (numbers, booleans, instants, text; null is missing). */
    static String textOf(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : Double.toString(d);
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? "" : Double.toString(f.doubleValue());
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }
}
