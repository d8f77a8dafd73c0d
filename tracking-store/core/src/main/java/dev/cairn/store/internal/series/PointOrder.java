package dev.cairn.store.internal.series;

/**
 * The order that decides a metric's "last" point: highest step, then latest timestamp, then largest value
 * (NaN counts as largest), as MLflow's latest metrics.
 */
public final class PointOrder {
    private PointOrder() {
    }

    /** True when point (s1, t1, v1) comes after point (s2, t2, v2). */
    public static boolean isAfter(long s1, long t1, double v1, long s2, long t2, double v2) {
        if (s1 != s2) {
            return s1 > s2;
        }
        if (t1 != t2) {
            return t1 > t2;
        }
        return Double.compare(v1, v2) > 0;
    }
}
