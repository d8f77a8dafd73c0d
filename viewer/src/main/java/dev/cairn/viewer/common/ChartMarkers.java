package dev.cairn.viewer.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled vertical markers on a chart's x axis (ChartFX value indicators) whose labels never cover each other: a
 * label that would overlap one already placed goes one height further, measured in pixels on the axis as it is
 * laid out now, and the heights are worked out again when the axis is resized.
 */
public final class ChartMarkers {
    /** Estimated width of one label character in pixels (the indicator labels use the default 12 px font). */
    static final double CHAR_PX = 7.0;
    /** Room left between two labels on one height, in pixels. */
    static final double GAP_PX = 12.0;
    /** Plot width assumed until the axis has been laid out. */
    static final double DEFAULT_WIDTH_PX = 800.0;

    private final XYChart chart;
    private final DefaultNumericAxis x;
    private final double[] heights;
    private final List<XValueIndicator> markers = new ArrayList<>();
    private double span = 1;

    /**
     * Markers on {@code chart} along {@code x}, their labels on {@code heights} (shares of the plot height from the
     * top, the first used first).
     */
    public ChartMarkers(XYChart chart, DefaultNumericAxis x, double... heights) {
        this.chart = chart;
        this.x = x;
        this.heights = heights.clone();
        x.widthProperty().addListener((o, was, now) -> place());
    }

    /**
     * Replaces the markers by one per entry of {@code xs} (ascending) labelled {@code labels}; {@code span} is the
     * x range the axis shows (for placing labels before it is laid out and after).
     */
    public void show(double[] xs, List<String> labels, double span) {
        clear();
        this.span = Math.max(1e-9, span);
        for (int i = 0; i < xs.length; i++) {
            XValueIndicator marker = new XValueIndicator(x, xs[i], labels.get(i));
            marker.setEditable(false);
            markers.add(marker);
        }
        place();
        chart.getPlugins().addAll(markers);
    }

    /** Removes every marker. */
    public void clear() {
        chart.getPlugins().removeAll(markers);
        markers.clear();
    }

    /** The markers shown, for tests. */
    public int count() {
        return markers.size();
    }

    /** The markers' labels, in x order, for tests. */
    public List<String> labels() {
        return markers.stream().map(XValueIndicator::getText).toList();
    }

    /** The markers' label heights, in x order, for tests. */
    public List<Double> labelPositions() {
        return markers.stream().map(XValueIndicator::getLabelPosition).toList();
    }

    private void place() {
        if (markers.isEmpty()) {
            return;
        }
        double width = x.getWidth() > 0 ? x.getWidth() : DEFAULT_WIDTH_PX;
        double[] px = new double[markers.size()];
        double[] half = new double[markers.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = markers.get(i).getValue() * width / span;
            half[i] = labelWidth(markers.get(i).getText()) / 2;
        }
        int[] levels = levels(px, half);
        for (int i = 0; i < px.length; i++) {
            markers.get(i).setLabelPosition(heights[Math.min(levels[i], heights.length - 1)]);
        }
    }

    static double labelWidth(String label) {
        return label.length() * CHAR_PX;
    }

    /**
     * The height level of each label centred at {@code px} (ascending, pixels) with half-widths {@code half}: the
     * lowest level on which it does not come within {@link #GAP_PX} of the label placed last there.
     */
    static int[] levels(double[] px, double[] half) {
        int[] levels = new int[px.length];
        List<Double> rightEdges = new ArrayList<>();
        for (int i = 0; i < px.length; i++) {
            double left = px[i] - half[i];
            int level = 0;
            while (level < rightEdges.size() && left < rightEdges.get(level) + GAP_PX) {
                level++;
            }
            if (level == rightEdges.size()) {
                rightEdges.add(px[i] + half[i]);
            } else {
                rightEdges.set(level, px[i] + half[i]);
            }
            levels[i] = level;
        }
        return levels;
    }
}
