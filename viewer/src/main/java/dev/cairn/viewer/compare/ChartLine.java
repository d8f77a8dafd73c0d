package dev.cairn.viewer.compare;

import dev.cairn.store.model.RunDetails;

/**
 * One metric of one run in a chart.
 *
 * @param label     the legend text (the run name in a per-metric chart, the metric key in a per-run chart)
 * @param colorKey  what the line's colour derives from (the run id, or the metric key in a per-run chart)
 */
public record ChartLine(RunDetails run, String metricKey, String label, String colorKey) {

    public String runId() {
        return run.run().id();
    }
}
