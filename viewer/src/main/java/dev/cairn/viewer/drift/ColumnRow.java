package dev.cairn.viewer.drift;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DriftReport;

/** One row of the columns table: a column's result in the selected batch. */
public record ColumnRow(DriftReport.Column result) {

    public String name() {
        return result.name();
    }

    public String type() {
        return result.type().label() + (result.role() == dev.cairn.store.drift.ColumnRole.FEATURE ? ""
                : " (" + result.role().label() + ")");
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
