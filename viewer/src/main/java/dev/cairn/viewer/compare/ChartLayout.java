package dev.cairn.viewer.compare;

/** How lines are spread over charts: one chart per metric (runs overlaid) or one chart per run (metrics overlaid). */
public enum ChartLayout {
    PER_METRIC("Chart per metric"), PER_RUN("Chart per run");

    private final String label;

    ChartLayout(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
