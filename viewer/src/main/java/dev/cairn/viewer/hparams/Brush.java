package dev.cairn.viewer.hparams;

/** A range of axis positions (0..1) kept by a brush; {@code lo <= hi}. */
public record Brush(double lo, double hi) {

    public Brush {
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
    }

    public boolean contains(double position) {
        return position >= lo && position <= hi;
    }
}
