package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the run lines of a parallel-coordinates plot into pixel buffers, off any UI: every run once into a cached
 * dimmed layer, then on each brush change only the kept runs, coloured by the target, on a copy of it. Lines are
 * drawn worst first so the best runs end on top.
 */
final class ParallelCoordinatesRenderer {
    private final List<PlotAxis> axes;
    private final PlotGeometry geometry;
    private final int[] colors;
    private final int[] drawOrder;
    private final int dimColor;
    private final LineRaster dimmed;
    private final LineRaster frame;
    private boolean dimmedDrawn;

    /**
     * @param fractions per run, 0 (worst) .. 1 (best) on the colour scale; NaN for a missing target
     * @param dimColor  premultiplied ARGB of runs outside the brushes
     * @param missingColor premultiplied ARGB of kept runs without a target
     */
    ParallelCoordinatesRenderer(List<PlotAxis> axes, PlotGeometry geometry, double[] fractions, int dimColor,
                                int missingColor) {
        this.axes = axes;
        this.geometry = geometry;
        this.dimColor = dimColor;
        int n = fractions.length;
        double alpha = n > 3000 ? 0.22 : n > 500 ? 0.4 : n > 100 ? 0.6 : 0.85;
        this.colors = new int[n];
        for (int i = 0; i < n; i++) {
            colors[i] = Double.isNaN(fractions[i]) ? missingColor : ColorScale.argbPremultiplied(fractions[i], alpha);
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> Double.isNaN(fractions[i]) ? -1 : fractions[i]));
        this.drawOrder = order.stream().mapToInt(Integer::intValue).toArray();
        int w = (int) Math.ceil(geometry.width());
        int h = (int) Math.ceil(geometry.height());
        this.dimmed = new LineRaster(w, h);
        this.frame = new LineRaster(w, h);
    }

    /** Draws the frame: kept runs coloured over the dimmed others (no dimmed layer when every run is kept). */
    LineRaster draw(BitSet kept) {
        int n = colors.length;
        boolean all = kept.cardinality() == n;
        if (all) {
            frame.clear();
        } else {
            if (!dimmedDrawn) {
                dimmed.clear();
                for (int i : drawOrder) {
                    polyline(dimmed, i, dimColor);
                }
                dimmedDrawn = true;
            }
            frame.copyFrom(dimmed);
        }
        for (int i : drawOrder) {
            if (kept.get(i)) {
                polyline(frame, i, colors[i]);
            }
        }
        return frame;
    }

    private void polyline(LineRaster raster, int row, int argb) {
        int count = axes.size();
        double px = geometry.axisX(0, count);
        double py = geometry.y(axes.get(0).positions()[row]);
        for (int a = 1; a < count; a++) {
            double x = geometry.axisX(a, count);
            double y = geometry.y(axes.get(a).positions()[row]);
            raster.line(px, py, x, y, argb);
            px = x;
            py = y;
        }
    }

    /** The kept run whose line passes closest to (x, y) within {@code slack} pixels, or -1. */
    int runNear(double x, double y, BitSet kept, double slack) {
        int count = axes.size();
        if (count < 2) {
            return -1;
        }
        int a = 0;
        while (a < count - 2 && geometry.axisX(a + 1, count) < x) {
            a++;
        }
        double x0 = geometry.axisX(a, count);
        double x1 = geometry.axisX(a + 1, count);
        double f = Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
        int best = -1;
        double bestDistance = slack;
        float[] p0 = axes.get(a).positions();
        float[] p1 = axes.get(a + 1).positions();
        for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
            double ly = geometry.y(p0[i] + (p1[i] - p0[i]) * f);
            double d = Math.abs(ly - y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
