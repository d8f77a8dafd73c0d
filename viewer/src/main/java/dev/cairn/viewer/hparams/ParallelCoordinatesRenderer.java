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
    /** Below this many line segments one thread draws; above, bands of rows are drawn in parallel. */
    private static final long PARALLEL_FROM_SEGMENTS = 20_000;
    /**
     * Rows per band drawn as one parallel task: 8 bands at 900 rows, enough to share between a few cores; thinner
     * bands cost more than they save (every line crossing a band edge is clipped again: 32 rows took 30% more CPU).
     */
    private static final int BAND_ROWS = 128;

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
            drawRuns(dimmed, null, drawOrder, drawOrder.length, null);
            dimmedDrawn = true;
        }
    }

    /** The raster {@link #draw} draws into (and returns) for {@code kept}. */
    LineRaster rasterFor(BitSet kept) {
        return kept.cardinality() == colors.length ? all : frame;
    }

    /**
     * Draws the frame: kept runs coloured over the dimmed others. With every run kept it returns the cached
     * all-coloured layer, so clearing the brushes costs nothing.
     */
    LineRaster draw(BitSet kept) {
        int n = colors.length;
        if (kept.cardinality() == n) {
            if (!allDrawn) {
                drawRuns(all, null, drawOrder, drawOrder.length, colors);
                allDrawn = true;
            }
            return all;
        }
        prepareDimmed();
        int[] rows = new int[kept.cardinality()];
        int k = 0;
        for (int i : drawOrder) {
            if (kept.get(i)) {
                rows[k++] = i;
            }
        }
        drawRuns(frame, dimmed, rows, k, colors);
        return frame;
    }

    /**
     * Fills {@code raster} with {@code base} (null: transparent) and draws the lines of {@code rows} (in order) over
     * it; {@code argb} null means the dimmed colour. Many lines are drawn in bands of rows on the fork-join pool:
     * the bands share no pixel, and each band copies its rows of the base just before drawing over them, so the
     * image is the same as one thread drawing every line in order, and the pixels touched are still in cache.
     */
    private void drawRuns(LineRaster raster, LineRaster base, int[] rows, int count, int[] argb) {
        // the rows' positions and colours side by side, read once here instead of once per band
        float[][] y = new float[ys.length][count];
        for (int a = 0; a < ys.length; a++) {
            float[] from = ys[a];
            float[] to = y[a];
            for (int k = 0; k < count; k++) {
                to[k] = from[rows[k]];
            }
        }
        int[] color = new int[count];
        for (int k = 0; k < count; k++) {
            color[k] = argb == null ? dimColor : argb[rows[k]];
        }
        int height = raster.height();
        if ((long) count * Math.max(0, ys.length - 1) < PARALLEL_FROM_SEGMENTS) {
            drawBand(raster, base, y, color, 0, height);
            return;
        }
        int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
        IntStream.range(0, bands).parallel().forEach(b -> drawBand(raster, base, y, color, b * BAND_ROWS,
                Math.min(height, (b + 1) * BAND_ROWS)));
    }

    private void drawBand(LineRaster raster, LineRaster base, float[][] y, int[] color, int rowFrom, int rowTo) {
        if (base == null) {
            raster.clearRows(rowFrom, rowTo);
        } else {
            raster.copyRows(base, rowFrom, rowTo);
        }
        // a line touches the rows its ends round to (+0.5) and between; the band test leaves a row of slack
        float lo = rowFrom - 1;
        float hi = rowTo + 1;
        int count = color.length;
        for (int a = 0; a + 1 < y.length; a++) {
            float[] y0 = y[a];
            float[] y1 = y[a + 1];
            double x0 = xs[a];
            double x1 = xs[a + 1];
            for (int k = 0; k < count; k++) {
                float a0 = y0[k];
                float a1 = y1[k];
                if (a0 < lo && a1 < lo || a0 >= hi && a1 >= hi) {
                    continue;
                }
                raster.lineInRows(x0, a0, x1, a1, color[k], rowFrom, rowTo);
            }
        }
    }

    /**
     * The frame drawn the plain way: one thread, an empty buffer, every run dimmed and then the kept runs coloured,
     * line by line in draw order. {@link #draw} must give the same pixels (tests compare the two).
     */
    LineRaster drawFromScratch(BitSet kept) {
        LineRaster raster = new LineRaster(frame.width(), frame.height());
        boolean all = kept.cardinality() == colors.length;
        for (int pass = all ? 1 : 0; pass < 2; pass++) {
            for (int a = 0; a + 1 < ys.length; a++) {
                for (int i : drawOrder) {
                    if (pass == 0 || kept.get(i)) {
                        raster.line(xs[a], ys[a][i], xs[a + 1], ys[a + 1][i], pass == 0 ? dimColor : colors[i]);
                    }
                }
            }
        }
        return raster;
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
