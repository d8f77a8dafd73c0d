package dev.cairn.viewer.hparams;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Draws the run lines of a parallel-coordinates plot into pixel buffers, off any UI: every run once into a cached
 * dimmed layer, then on each brush change only the kept runs, coloured by the target, on a copy of it. Lines are
 * drawn worst first so the best runs end on top.
 */
final class ParallelCoordinatesRenderer {
    /** Below this many line segments one thread draws; above, axis gaps are drawn in parallel. */
    private static final long PARALLEL_FROM_SEGMENTS = 20_000;

    private final List<PlotAxis> axes;
    private final PlotGeometry geometry;
    private final int[] colors;
    private final int[] drawOrder;
    private final int dimColor;
    private final LineRaster dimmed;
    private final LineRaster frame;
    private final LineRaster all;
    private final double[] xs;
    private final float[][] ys;
    private boolean dimmedDrawn;
    private boolean allDrawn;

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
        this.all = new LineRaster(w, h);
        this.xs = new double[axes.size()];
        this.ys = new float[axes.size()][];
        for (int a = 0; a < axes.size(); a++) {
            xs[a] = geometry.axisX(a, axes.size());
            float[] positions = axes.get(a).positions();
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) geometry.y(positions[i]);
            }
            ys[a] = y;
        }
    }

    /** Draws every run dimmed into the cached layer that brush updates start from. */
    void prepareDimmed() {
        if (!dimmedDrawn) {
            dimmed.clear();
            drawRuns(dimmed, drawOrder, drawOrder.length, null);
            dimmedDrawn = true;
        }
    }

    /**
     * Draws the frame: kept runs coloured over the dimmed others. With every run kept it returns the cached
     * all-coloured layer, so clearing the brushes costs nothing.
     */
    LineRaster draw(BitSet kept) {
        int n = colors.length;
        if (kept.cardinality() == n) {
            if (!allDrawn) {
                all.clear();
                drawRuns(all, drawOrder, drawOrder.length, colors);
                allDrawn = true;
            }
            return all;
        }
        prepareDimmed();
        frame.copyFrom(dimmed);
        int[] rows = new int[kept.cardinality()];
        int k = 0;
        for (int i : drawOrder) {
            if (kept.get(i)) {
                rows[k++] = i;
            }
        }
        drawRuns(frame, rows, k, colors);
        return frame;
    }

    /**
     * Draws the lines of {@code rows} (in order) one gap between axes at a time, so that the pixels touched stay
     * in cache; {@code argb} null means the dimmed colour.
     */
    private void drawRuns(LineRaster raster, int[] rows, int count, int[] argb) {
        int gaps = ys.length - 1;
        if (gaps <= 0) {
            return;
        }
        if ((long) count * gaps < PARALLEL_FROM_SEGMENTS) {
            for (int a = 0; a < gaps; a++) {
                drawGap(raster, rows, count, argb, a);
            }
            return;
        }
        // gaps touch disjoint pixel columns except the axis column they share, which the axis line covers
        IntStream.range(0, gaps).parallel().forEach(a -> drawGap(raster, rows, count, argb, a));
    }

    private void drawGap(LineRaster raster, int[] rows, int count, int[] argb, int a) {
        float[] y0 = ys[a];
        float[] y1 = ys[a + 1];
        double x0 = xs[a];
        double x1 = xs[a + 1];
        for (int k = 0; k < count; k++) {
            int i = rows[k];
            raster.line(x0, y0[i], x1, y1[i], argb == null ? dimColor : argb[i]);
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
