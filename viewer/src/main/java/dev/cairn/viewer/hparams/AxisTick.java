package dev.cairn.viewer.hparams;

/** A labelled mark on an axis at {@code position} (0 = bottom, 1 = top). */
public record AxisTick(double position, String label) {
}
