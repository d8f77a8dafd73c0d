package dev.cairn.plugin.importer;

import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run as read from a source. Build with {@link #builder(String, String)}.
 *
 * @param id        32 lower-case hex: the source's run id when it has one (MLflow), else
 *                  {@link #stableId(String, String)} of the source, so importing twice changes nothing
 * @param sourceRef where the run came from (path or URI), recorded in provenance
 * @param provenance the run's original provenance when the source keeps one (a Cairn bundle); null means
 *                   "written by this importer now" and the sink records the importer, its version and
 *                   {@code sourceRef}
 */
public record ImportedRun(String experiment, String id, String name, RunStatus status, Long startMs, Long endMs,
                          String user, String parentId, Lifecycle lifecycle, Long deletedMs, String sourceProgram,
                          String sourceCommit, String note, Map<String, String> params, Map<String, String> tags,
                          List<DatasetInput> inputs, String artifactUri, List<Artifact> artifacts,
                          List<ImportedSeries> metrics, String sourceRef, Provenance provenance) {

    public ImportedRun {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifecycle, "lifecycle");
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
        inputs = List.copyOf(inputs);
        artifacts = List.copyOf(artifacts);
        metrics = List.copyOf(metrics);
    }

    /** The constructor of API 1.0 (no provenance): the sink records the importer as the run's writer. */
    public ImportedRun(String experiment, String id, String name, RunStatus status, Long startMs, Long endMs,
                       String user, String parentId, Lifecycle lifecycle, Long deletedMs, String sourceProgram,
                       String sourceCommit, String note, Map<String, String> params, Map<String, String> tags,
                       List<DatasetInput> inputs, String artifactUri, List<Artifact> artifacts,
                       List<ImportedSeries> metrics, String sourceRef) {
        this(experiment, id, name, status, startMs, endMs, user, parentId, lifecycle, deletedMs, sourceProgram,
                sourceCommit, note, params, tags, inputs, artifactUri, artifacts, metrics, sourceRef, null);
    }

    /** Total number of points over all series (duplicates included). */
    public long pointCount() {
        long n = 0;
        for (ImportedSeries s : metrics) {
            n += s.size();
        }
        return n;
    }

    /** A stable 32-hex run id derived from an importer id and a source key (e.g. a folder path relative to the import root). */
    public static String stableId(String importerId, String sourceKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((importerId + "\n" + sourceKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** A builder for a run of {@code experiment} with run id {@code id} (see {@link #id()}). */
    public static Builder builder(String experiment, String id) {
        return new Builder(experiment, id);
    }

    /** Mutable builder; every field but experiment and id is optional (status defaults to FINISHED). */
    public static final class Builder {
        private String experiment;
        private final String id;
        private String name;
        private RunStatus status = RunStatus.FINISHED;
        private Long startMs;
        private Long endMs;
        private String user;
        private String parentId;
        private Lifecycle lifecycle = Lifecycle.ACTIVE;
        private Long deletedMs;
        private String sourceProgram;
        private String sourceCommit;
        private String note;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<DatasetInput> inputs = new ArrayList<>();
        private String artifactUri;
        private final List<Artifact> artifacts = new ArrayList<>();
        private final List<ImportedSeries> metrics = new ArrayList<>();
        private String sourceRef;
        private Provenance provenance;

        private Builder(String experiment, String id) {
            this.experiment = experiment;
            this.id = id;
        }

        public Builder experiment(String v) { experiment = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder status(RunStatus v) { status = v; return this; }
        public Builder times(Long start, Long end) { startMs = start; endMs = end; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder parentId(String v) { parentId = v; return this; }
        public Builder lifecycle(Lifecycle v, Long deletedAtMs) { lifecycle = v; deletedMs = deletedAtMs; return this; }
        public Builder source(String program, String commit) { sourceProgram = program; sourceCommit = commit; return this; }
        public Builder note(String v) { note = v; return this; }
        public Builder param(String k, String v) { params.put(k, v); return this; }
        public Builder params(Map<String, String> m) { params.putAll(m); return this; }
        public Builder tag(String k, String v) { tags.put(k, v); return this; }
        public Builder tags(Map<String, String> m) { tags.putAll(m); return this; }
        public Builder input(DatasetInput v) { inputs.add(v); return this; }
        public Builder artifacts(String rootUri, List<Artifact> files) { artifactUri = rootUri; artifacts.addAll(files); return this; }
        public Builder metric(ImportedSeries v) { metrics.add(v); return this; }
        public Builder sourceRef(String v) { sourceRef = v; return this; }
        /** Keeps the source's own provenance (bundles); leave unset for runs read from another tracker. */
        public Builder provenance(Provenance v) { provenance = v; return this; }

        public ImportedRun build() {
            return new ImportedRun(experiment, id, name, status, startMs, endMs, user, parentId, lifecycle, deletedMs,
                    sourceProgram, sourceCommit, note, params, tags, inputs, artifactUri, artifacts, metrics,
                    sourceRef, provenance);
        }
    }
}
