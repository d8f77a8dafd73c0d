package dev.cairn.viewer.compare;

import dev.cairn.viewer.common.GroupBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the lines of the runs of each group into one line: the x span is cut into {@code bins} equal bins; per
 * bin the line is the mean of the runs' last values in it, the band the min of their minima to the max of their
 * maxima.
 */
public final class GroupAggregator {
    private GroupAggregator() {
    }

    public static List<PlotSeries> aggregate(List<LineData> lines, GroupBy groupBy, int bins) {
        Map<String, List<LineData>> groups = new LinkedHashMap<>();
        for (LineData d : lines) {
            groups.computeIfAbsent(groupBy.valueOf(d.line().run()), k -> new ArrayList<>()).add(d);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LineData d : lines) {
            if (d.x().length > 0) {
                lo = Math.min(lo, d.x()[0]);
                hi = Math.max(hi, d.x()[d.x().length - 1]);
            }
        }
        List<PlotSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<LineData>> g : groups.entrySet()) {
            String label = groupBy.key() + "=" + g.getKey() + " (" + g.getValue().size()
                    + (g.getValue().size() == 1 ? " run)" : " runs)");
            out.add(merge(g.getKey(), label, g.getValue(), lo, hi, Math.max(1, bins)));
        }
        return out;
    }

    private static PlotSeries merge(String id, String label, List<LineData> runs, double lo, double hi, int bins) {
        double[] sumX = new double[bins];
        double[] sumY = new double[bins];
        int[] n = new int[bins];
        double[] min = new double[bins];
        double[] max = new double[bins];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double span = hi - lo;
        for (LineData d : runs) {
            int prevBin = -1;
            double lastX = 0;
            double lastY = 0;
            for (int i = 0; i <= d.x().length; i++) {
                int b = i == d.x().length ? -2 : bin(d.x()[i], lo, span, bins);
                if (b != prevBin && prevBin >= 0 && !Double.isNaN(lastY)) {
                    sumX[prevBin] += lastX;
                    sumY[prevBin] += lastY;
                    n[prevBin]++;
                }
                if (i == d.x().length) {
                    break;
                }
                lastX = d.x()[i];
                lastY = d.last()[i];
                prevBin = b;
                if (!Double.isNaN(d.min()[i])) {
                    min[b] = Math.min(min[b], d.min()[i]);
                }
                if (!Double.isNaN(d.max()[i])) {
                    max[b] = Math.max(max[b], d.max()[i]);
                }
            }
        }
        int count = 0;
        for (int v : n) {
            count += v > 0 ? 1 : 0;
        }
        double[] x = new double[count];
        double[] y = new double[count];
        double[] bandLo = new double[count];
        double[] bandHi = new double[count];
        int j = 0;
        for (int b = 0; b < bins; b++) {
            if (n[b] == 0) {
                continue;
            }
            x[j] = sumX[b] / n[b];
            y[j] = sumY[b] / n[b];
            bandLo[j] = Double.isInfinite(min[b]) ? y[j] : min[b];
            bandHi[j] = Double.isInfinite(max[b]) ? y[j] : max[b];
            j++;
        }
        return new PlotSeries(id, label, "group:" + id, runs.size(), x, y, bandLo, bandHi, y);
    }

    private static int bin(double x, double lo, double span, int bins) {
        if (span <= 0) {
            return 0;
        }
        int b = (int) ((x - lo) / span * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }
}
