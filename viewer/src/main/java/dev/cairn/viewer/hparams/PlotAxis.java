package dev.cairn.viewer.hparams;

/**
 * One parallel-coordinates axis: a param (or the target, key {@link #TARGET_KEY}) with its mapping and the
 * position of every run on it.
 */
public record PlotAxis(String key, String label, AxisMapping mapping, float[] positions) {
    /** Key of the target axis. */
    public static final String TARGET_KEY = "\u0000target";

    public boolean isTarget() {
        return TARGET_KEY.equals(key);
    }
}
