package dev.cairn.plugin.csvlogs;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/** Naming helpers shared by the CSV importers: source keys, experiment names and natural ordering. */
final class SourcePaths {
    private SourcePaths() {
    }

    /** {@code target} relative to {@code root}, '/'-separated; the target's own name when they are the same. */
    static String relativeKey(Path root, Path target) {
        Path r = root.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        String key = r.relativize(t).toString().replace('\\', '/');
        if (key.isEmpty()) {
            Path name = t.getFileName();
            return name == null ? "." : name.toString();
        }
        return key;
    }

    /** The folder name of {@code dir}, or {@code fallback} for a file-system root. */
    static String nameOf(Path dir, String fallback) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? fallback : name.toString();
    }

    /** Orders paths by name with digit runs compared as numbers: version_2 before version_10. */
    static final Comparator<Path> NATURAL = (a, b) -> compareNatural(
            a.toString().replace('\\', '/'), b.toString().replace('\\', '/'));

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
    }
}
