package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.model.Artifact;

import java.util.List;
import java.util.Map;

/**
 * An MLflow 3 logged model ({@code <experiment>/models/m-*} or a {@code logged_models} row): not a run, but the
 * output of one; {@link LoggedModels#attach} puts it onto its source run.
 *
 * @param artifacts the model's files, relative to its artifact folder (empty when not on this machine)
 */
record LoggedModel(String id, String name, String sourceRunId, String artifactUri, List<Artifact> artifacts,
                   Map<String, String> params, List<ImportedSeries> metrics, String sourceRef) {
}
