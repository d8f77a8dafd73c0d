package dev.cairn.viewer.compare;

/**
 * One line of a chart as plotted: x, the last value per bucket, the faint min/max band and the smoothed line (equal
 * to {@code y} without smoothing). For a group, {@code y} is the mean of its runs and the band their min–max.
 *
 * @param id        stable identity for hiding (the run id, the metric key or the group value)
 * @param runCount  1 for a run, the number of runs for a group
 */
public record PlotSeries(String id, String label, String colorKey, int runCount, double[] x, double[] y, double[] min,
                         double[] max, double[] smoothed) {

    public int size() {
        return x.length;
    }

    /** The index of the last point with x at or before {@code at}, or -1. */
    public int indexAtOrBefore(double at) {
        int lo = 0;
        int hi = x.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
