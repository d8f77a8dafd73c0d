package dev.cairn.viewer.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A tiny line chart of a metric (a few dozen points) drawn on a canvas. A full ChartFX chart per detail row
 * would build axes, renderers and plugins for each; this is one canvas and one polyline.
 */
public final class Sparkline extends Canvas {
    private final double[] values;
    private Paint stroke = Color.web("#0969da");

    public Sparkline(double[] values, double width, double height) {
        super(width, height);
        this.values = values.clone();
        getStyleClass().add("sparkline");
        draw();
    }

    /** Changes the line colour (the view passes the theme's accent). */
    public void setStroke(Paint paint) {
        this.stroke = paint;
        draw();
    }

    /** The values drawn (finite ones only count for the scale). */
    public double[] values() {
        return values.clone();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        if (finite < 2) {
            return;
        }
        double span = max - min == 0 ? 1 : max - min;
        g.setStroke(stroke);
        g.setLineWidth(1.3);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            double x = 1 + (w - 2) * i / (values.length - 1.0);
            double y = h - 2 - (h - 4) * (v - min) / span;
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
    }
}
