package dev.cairn.plugin.support;

import java.util.Locale;

/** Byte counts as people read them: {@code 512 B}, {@code 1.5 KiB}, {@code 8.0 GiB}. */
public final class ByteCount {
    private ByteCount() {
    }

    /** {@code n} bytes in B, KiB, MiB, GiB or TiB, one decimal past bytes. */
    public static String format(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
