package dev.cairn.viewer.hparams;

/** Whether a lower or a higher target value is better. */
public enum Goal {
    MINIMISE("minimise"), MAXIMISE("maximise");

    private final String label;

    Goal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return this == MINIMISE ? a < b : a > b;
    }

    @Override
    public String toString() {
        return label;
    }
}
