package dev.cairn.viewer.runs;

import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the runs table: a run, or the header of a group ("lr = 0.1 (5 runs)") when the table is grouped.
 * A run's row object stays the same while its run changes, so live updates keep the table's selection and scroll
 * position. Its place in the tree (depth, whether it has children, whether they are shown) is set by
 * {@link RunTree} each time the visible rows are built.
 */
public final class RunRow {
    private final String id;
    private final String groupKey;
    private final ReadOnlyObjectWrapper<RunDetails> details;
    private String groupLabel;
    private int groupCount;
    private int depth;
    private boolean hasChildren;
    private boolean expanded;

    public RunRow(RunDetails details) {
        this.id = details.run().id();
        this.groupKey = null;
        this.details = new ReadOnlyObjectWrapper<>(this, "details", details);
    }

    private RunRow(String groupKey) {
        this.id = null;
        this.groupKey = groupKey;
        this.details = new ReadOnlyObjectWrapper<>(this, "details", null);
    }

    /** A group header row; {@code groupKey} identifies the group across rebuilds. */
    static RunRow group(String groupKey) {
        return new RunRow(groupKey);
    }

    /** The run id, or null for a group header. */
    public String id() {
        return id;
    }

    /** True for a group header row (it has no run). */
    public boolean isGroup() {
        return groupKey != null;
    }

    /** The run, or null for a group header. */
    public Run run() {
        RunDetails d = details.get();
        return d == null ? null : d.run();
    }

    /** The run's params, tags and metric summaries, or null for a group header. */
    public RunDetails details() {
        return details.get();
    }

    public ReadOnlyObjectProperty<RunDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** How deep the row is nested: 0 at top level; children of a run and runs in a group are one deeper. */
    public int depth() {
        return depth;
    }

    /** True when the run has child runs in the table (or the row is a group header). */
    public boolean hasChildren() {
        return hasChildren;
    }

    /** True when the children (or a group's runs) are shown. */
    public boolean isExpanded() {
        return expanded;
    }

    /** The group's text, "lr = 0.1 (5 runs)"; null for a run. */
    public String groupLabel() {
        return groupLabel;
    }

    /** How many runs the group holds (nested ones included); 0 for a run. */
    public int groupCount() {
        return groupCount;
    }

    String groupKey() {
        return groupKey;
    }

    void placeInTree(int newDepth, boolean children, boolean open) {
        this.depth = newDepth;
        this.hasChildren = children;
        this.expanded = open;
    }

    void describeGroup(String label, int count) {
        this.groupLabel = label;
        this.groupCount = count;
    }

    void update(RunDetails newDetails) {
        details.set(newDetails);
    }

    @Override
    public String toString() {
        return isGroup() ? "GroupRow[" + groupLabel + "]" : "RunRow[" + id + " " + run().name() + "]";
    }
}
