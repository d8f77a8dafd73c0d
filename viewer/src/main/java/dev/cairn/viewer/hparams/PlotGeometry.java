package dev.cairn.viewer.hparams;

/** Where the parallel-coordinates axes sit in a plot of {@code width × height} pixels. */
record PlotGeometry(double width, double height, double left, double right, double top, double bottom) {

    static PlotGeometry of(double width, double height) {
        return new PlotGeometry(width, height, 70, 110, 56, 28);
    }

    /** The same plot at {@code factor} of the size (a draft drawn at reduced resolution while brushing). */
    PlotGeometry scaled(double factor) {
        return new PlotGeometry(Math.floor(width * factor), Math.floor(height * factor), left * factor,
                right * factor + (width * factor - Math.floor(width * factor)), top * factor,
                bottom * factor + (height * factor - Math.floor(height * factor)));
    }

    double axisX(int index, int count) {
        if (count <= 1) {
            return left + (width - left - right) / 2;
        }
        return left + index * (width - left - right) / (count - 1);
    }

    /** Pixel row of an axis position (0 = bottom, 1 = top). */
    double y(double position) {
        return top + (1 - position) * (height - top - bottom);
    }

    /** Axis position of a pixel row, clamped to 0..1. */
    double positionAt(double y) {
        double p = 1 - (y - top) / (height - top - bottom);
        return Math.max(0, Math.min(1, p));
    }

    /** Index of the axis within {@code slack} pixels of {@code x}, or -1. */
    int axisNear(double x, int count, double slack) {
        for (int i = 0; i < count; i++) {
            if (Math.abs(axisX(i, count) - x) <= slack) {
                return i;
            }
        }
        return -1;
    }
}
