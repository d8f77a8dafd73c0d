package dev.cairn.viewer.compare;

/** One line's value under the crosshair: the plotted point at or before the pointer's x. */
public record Readout(String label, String colorKey, double x, double y) {
}
