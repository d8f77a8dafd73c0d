package dev.cairn.viewer.hparams;

import java.util.Arrays;

/**
 * A premultiplied-ARGB pixel buffer that draws one-pixel lines with alpha blending, fast enough for hundreds of
 * thousands of segments (the JavaFX canvas is not). Works on any thread.
 */
final class LineRaster {
    private final int width;
    private final int height;
    private final int[] pixels;

    LineRaster(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.pixels = new int[this.width * this.height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int[] pixels() {
        return pixels;
    }

    void clear() {
        Arrays.fill(pixels, 0);
    }

    void copyFrom(LineRaster other) {
        System.arraycopy(other.pixels, 0, pixels, 0, pixels.length);
    }

    /** Draws a line from (x0, y0) to (x1, y1) in premultiplied {@code argb}, blended over what is there. */
    void line(double x0, double y0, double x1, double y1, int argb) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        if (steps == 0) {
            blend((int) x0, (int) y0, argb);
            return;
        }
        double sx = dx / steps;
        double sy = dy / steps;
        double x = x0 + 0.5;
        double y = y0 + 0.5;
        for (int i = 0; i <= steps; i++) {
            blend((int) x, (int) y, argb);
            x += sx;
            y += sy;
        }
    }

    private void blend(int x, int y, int src) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int k = y * width + x;
        int dst = pixels[k];
        int inv = 255 - (src >>> 24);
        if (inv == 0 || dst == 0) {
            pixels[k] = src;
            return;
        }
        int a = (src >>> 24) + ((dst >>> 24) * inv + 127) / 255;
        int r = ((src >> 16) & 0xff) + (((dst >> 16) & 0xff) * inv + 127) / 255;
        int g = ((src >> 8) & 0xff) + (((dst >> 8) & 0xff) * inv + 127) / 255;
        int b = (src & 0xff) + ((dst & 0xff) * inv + 127) / 255;
        pixels[k] = Math.min(255, a) << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }
}
