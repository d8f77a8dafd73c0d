package dev.cairn.viewer.compare;

/** Linear or logarithmic y axis. */
public enum YScale {
    LINEAR("Linear"), LOG("Log");

    private final String label;

    YScale(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
