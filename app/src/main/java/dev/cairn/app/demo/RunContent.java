package dev.cairn.app.demo;

import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.series.MetricSeries;

import java.util.List;
import java.util.Map;

/** Everything the demo writes for one run: its attributes, params, tags, note, dataset inputs and series. */
record RunContent(NewRun spec, Map<String, String> params, Map<String, String> tags, String note,
                  List<DatasetInput> inputs, List<MetricSeries> series) {
}
