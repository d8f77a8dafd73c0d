package dev.cairn.viewer.drift;

import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DriftReport;
import dev.cairn.viewer.common.GoLiveMarks;

import java.util.List;

/**
 * Everything the drift view shows for one model version, loaded together off the UI thread.
 *
 * @param batches   batch profiles in the report's order
 * @param golive    when a version started serving (promotions to Production, rollbacks), oldest first
 */
public record DriftSnapshot(DriftReport report, DatasetProfile reference, List<DatasetProfile> batches,
                     List<GoLiveMarks.Mark> golive) {

    /** Column names in heatmap order (the report's columns: features then the prediction, as in the reference). */
    public List<String> columnNames() {
        return report.batches().isEmpty() ? reference.columns().stream()
                .filter(c -> c.role() != dev.cairn.store.drift.ColumnRole.LABEL).map(c -> c.name()).toList()
                : report.batches().get(0).columns().stream().map(DriftReport.Column::name).toList();
    }
}
