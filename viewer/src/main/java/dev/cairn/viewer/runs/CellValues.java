package dev.cairn.viewer.runs;

import java.util.Comparator;

/** Sort order for mixed cell values: numbers (NaN last among them), then text, then empty cells. */
public final class CellValues {
    /** Orders Double, String and null values of param, tag and metric columns. */
    public static final Comparator<Object> ORDER = CellValues::compare;

    private CellValues() {
    }

    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof Double) {
            return -1;
        }
        if (b instanceof Double) {
            return 1;
        }
        return String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
    }
}
