package dev.cairn.viewer.compare;

/** The section of a compare-table row. */
public enum RowKind {
    ATTRIBUTE("Attributes"), PARAM("Params"), METRIC("Metrics"), TAG("Tags");

    private final String title;

    RowKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
