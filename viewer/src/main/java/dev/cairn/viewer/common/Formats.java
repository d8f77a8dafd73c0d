package dev.cairn.viewer.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, durations and numbers read in the viewer. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** Local date and time of an epoch-ms instant; empty for null. */
    public static String dateTime(Long epochMs, ZoneId zone) {
        if (epochMs == null) {
            return "";
        }
        return DATE_TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    /** Local date and time in the system zone. */
    public static String dateTime(Long epochMs) {
        return dateTime(epochMs, ZoneId.systemDefault());
    }

    /** "850 ms", "12.3 s", "4m 05s", "2h 03m", "3d 04h"; empty for null. */
    public static String duration(Long ms) {
        if (ms == null) {
            return "";
        }
        if (ms < 0) {
            return "-" + duration(-ms);
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, (s % 86_400) / 3600);
    }

    /** A metric value with up to 5 significant digits: 0.91234, 1234.5, 1.234e-06, NaN. */
    public static String number(double v) {
        return significant(v, 5);
    }

    /** {@code v} with up to {@code digits} significant digits: 0.273, 1370, 1.23e-06, NaN. */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e9) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "g", v);
    }

    /** Count with thousands separators: 100,000. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
