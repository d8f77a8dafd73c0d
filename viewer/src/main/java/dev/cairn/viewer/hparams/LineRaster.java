package dev.cairn.viewer.hparams;

import java.util.Arrays;

/**
 * A premultiplied-ARGB pixel buffer that draws one-pixel lines with alpha blending, fast enough for hundreds of
 * thousands of segments (the JavaFX canvas is not). Works on any thread.
 */
final class LineRaster {
    /** Below this many pixels wide and high, 16.16 fixed-point coordinates inside the buffer fit in an int. */
    private static final int MAX_FAST = 32_000;

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

    /** Copies rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive) of a raster of the same size. */
    void copyRows(LineRaster other, int rowFrom, int rowTo) {
        System.arraycopy(other.pixels, rowFrom * width, pixels, rowFrom * width, (rowTo - rowFrom) * width);
    }

    /** Clears rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive). */
    void clearRows(int rowFrom, int rowTo) {
        Arrays.fill(pixels, rowFrom * width, rowTo * width, 0);
    }

    /** Draws a line from (x0, y0) to (x1, y1) in premultiplied {@code argb}, blended over what is there. */
    void line(double x0, double y0, double x1, double y1, int argb) {
        lineInRows(x0, y0, x1, y1, argb, 0, height);
    }

    /**
     * Draws the part of the line from (x0, y0) to (x1, y1) that falls in pixel rows {@code rowFrom} (inclusive) to
     * {@code rowTo} (exclusive): the same pixels, blended the same way, as {@link #line} draws in those rows, so
     * bands of rows can be drawn on different threads and give the same image as one thread drawing all of it.
     */
    void lineInRows(double x0, double y0, double x1, double y1, int argb, int rowFrom, int rowTo) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        if (steps == 0) {
            int row = (int) y0;
            if (row >= rowFrom && row < rowTo) {
                blend((int) x0, row, argb);
            }
            return;
        }
        // 16.16 fixed point: no floating point in the pixel loop; step i is at (fx + i * sx, fy + i * sy)
        long fx = (long) ((x0 + 0.5) * 65536);
        long fy = (long) ((y0 + 0.5) * 65536);
        long sx = (long) (dx / steps * 65536);
        long sy = (long) (dy / steps * 65536);
        // the steps whose row (fy >> 16) lies in rowFrom .. rowTo - 1 (rows change monotonically)
        long from = (long) rowFrom << 16;
        long to = (long) rowTo << 16;
        long first;
        long last;
        if (sy == 0) {
            if (fy < from || fy >= to) {
                return;
            }
            first = 0;
            last = steps;
        } else if (sy > 0) {
            if (fy >= to) {
                return;
            }
            first = fy >= from ? 0 : (from - fy + sy - 1) / sy;
            last = Math.min(steps, (to - 1 - fy) / sy);
        } else {
            if (fy < from) {
                return;
            }
            long up = -sy;
            first = fy < to ? 0 : (fy - to + up) / up;
            last = Math.min(steps, (fy - from) / up);
        }
        if (first > last) {
            return;
        }
        fx += first * sx;
        fy += first * sy;
        int count = (int) (last - first);
        boolean inside = Math.min(x0, x1) >= 0 && Math.min(y0, y1) >= 0 && Math.max(x0, x1) < width - 1
                && Math.max(y0, y1) < height - 1 && width < MAX_FAST && height < MAX_FAST;
        if (!inside) {
            for (int i = 0; i <= count; i++) {
                blend((int) (fx >> 16), (int) (fy >> 16), argb);
                fx += sx;
                fy += sy;
            }
            return;
        }
        // inside the buffer the coordinates fit in an int
        int ix = (int) fx;
        int iy = (int) fy;
        int isx = (int) sx;
        int isy = (int) sy;
        int inv = 255 - (argb >>> 24);
        int[] p = pixels;
        int w = width;
        for (int i = 0; i <= count; i++) {
            int k = (iy >> 16) * w + (ix >> 16);
            p[k] = over(argb, inv, p[k]);
            ix += isx;
            iy += isy;
        }
    }

    private void blend(int x, int y, int src) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int k = y * width + x;
        pixels[k] = over(src, 255 - (src >>> 24), pixels[k]);
    }

    /** Premultiplied "source over destination", two channels per multiply (exact for dst 0 or inv 0 too). */
    private static int over(int src, int inv, int dst) {
        int rb = (dst & 0x00ff00ff) * inv;
        int ag = ((dst >>> 8) & 0x00ff00ff) * inv;
        rb = ((rb + 0x00800080 + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        ag = (ag + 0x00800080 + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        return src + (rb | ag);
    }
}
