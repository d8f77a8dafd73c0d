package dev.cairn.viewer.drift;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DriftReport;

/** One row of the columns table: a column's result in the selected batch. */
public record ColumnRow(DriftReport.Column result) {

    public String name() {
        return result.name();
    }

    public String type() {
        return result.type().label() + (result.role() == ColumnRole.FEATURE ? ""
                : " (" + result.role().label() + ")");
    }

    /** What the Type column shows: a feature's type, else the column's role ("prediction", "score"). */
    public String kind() {
        return result.role().isFeature() ? result.type().label() : result.role().label();
    }

    /** A drifted input feature: what the batch's drift share counts, and what the table shows in bold. */
    public boolean driftedFeature() {
        return result.drifted() && result.role().isFeature();
    }

    public String test() {
        return result.test() == null ? "—" : result.test();
    }

    public double severity() {
        return result.severity();
    }

    public boolean drifted() {
        return result.drifted();
    }
}
