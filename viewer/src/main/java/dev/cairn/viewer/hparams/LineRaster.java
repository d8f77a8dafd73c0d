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
        // 16.16 fixed point: no floating point in the pixel loop
        long fx = (long) ((x0 + 0.5) * 65536);
        long fy = (long) ((y0 + 0.5) * 65536);
        long sx = (long) (dx / steps * 65536);
        long sy = (long) (dy / steps * 65536);
        int inv = 255 - (argb >>> 24);
        boolean inside = Math.min(x0, x1) >= 0 && Math.min(y0, y1) >= 0 && Math.max(x0, x1) < width - 1
                && Math.max(y0, y1) < height - 1;
        if (!inside) {
            for (int i = 0; i <= steps; i++) {
                blend((int) (fx >> 16), (int) (fy >> 16), argb);
                fx += sx;
                fy += sy;
            }
            return;
        }
        int[] p = pixels;
        int w = width;
        for (int i = 0; i <= steps; i++) {
            int k = (int) (fy >> 16) * w + (int) (fx >> 16);
            p[k] = over(argb, inv, p[k]);
            fx += sx;
            fy += sy;
        }
    }

    private void blend(int x, int y, int src) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int k = y * width + x;
        pixels[k] = over(src, 255 - (src >>> 24), pixels[k]);
    }

    /** Premultiplied "source over destination", two channels per multiply. */
    private static int over(int src, int inv, int dst) {
        if (dst == 0 || inv == 0) {
            return src;
        }
        int rb = (dst & 0x00ff00ff) * inv;
        int ag = ((dst >>> 8) & 0x00ff00ff) * inv;
        rb = ((rb + 0x00800080 + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        ag = (ag + 0x00800080 + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        return src + (rb | ag);
    }
}
