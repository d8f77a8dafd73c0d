package dev.cairn.viewer.runs;

import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the runs table. The row object stays the same while its run changes, so live updates keep the
 * table's selection and scroll position.
 */
public final class RunRow {
    private final String id;
    private final ReadOnlyObjectWrapper<RunDetails> details;

    public RunRow(RunDetails details) {
        this.id = details.run().id();
        this.details = new ReadOnlyObjectWrapper<>(this, "details", details);
    }

    public String id() {
        return id;
    }

    public Run run() {
        return details.get().run();
    }

    public RunDetails details() {
        return details.get();
    }

    public ReadOnlyObjectProperty<RunDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    void update(RunDetails newDetails) {
        details.set(newDetails);
    }

    @Override
    public String toString() {
        return "RunRow[" + id + " " + run().name() + "]";
    }
}
