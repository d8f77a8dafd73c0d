package dev.cairn.plugin.bundle;

import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Provenance;

import java.util.List;
import java.util.Map;

/** One run's attributes as stored in a bundle's {@code runs/<id>.json} (series are stored separately). */
record BundleRun(String experiment, String id, String name, String status, Long startMs, Long endMs, String user,
                 String parentId, String lifecycle, Long deletedMs, String sourceProgram, String sourceCommit,
                 String note, Map<String, String> params, Map<String, String> tags, List<DatasetInput> inputs,
                 String artifactUri, List<Artifact> artifacts, Provenance provenance) {
}
