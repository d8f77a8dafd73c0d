package dev.cairn.viewer.runs;

import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;

import java.util.List;
import java.util.Map;

/**
 * Everything the detail pane shows for one run, read in one background step.
 *
 * @param sparklines per metric key, up to {@link RunDetailViewModel#SPARK_POINTS} values (bucket last values)
 */
public record RunDetailData(RunDetails details, Run parent, List<Run> children, Provenance provenance,
                            List<DatasetInput> inputs, List<Artifact> artifacts, Map<String, double[]> sparklines) {
}
