package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.Run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What importing a run that already exists changes: attributes (name, status, end time, lifecycle, note), params
 * and tags whose value differs, dataset inputs not stored yet, the artifact list when it differs, and the metric
 * points not stored yet. Computed by reading the stored run (series only when their summaries cannot tell, see
 * {@link StoredTail}); {@link #isEmpty()} means "unchanged".
 */
final class RunMerge {
    private final Run stored;
    private final ImportedRun incoming;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<DatasetInput> inputs = new ArrayList<>();
    private final List<ImportedSeries> points = new ArrayList<>();
    private boolean rename;
    private boolean status;
    private boolean lifecycle;
    private boolean times;
    private boolean parent;
    private boolean note;
    private boolean artifacts;

    private RunMerge(Run stored, ImportedRun incoming) {
        this.stored = stored;
        this.incoming = incoming;
    }

    static RunMerge of(TrackingStore store, Run stored, ImportedRun in) {
        RunMerge m = new RunMerge(stored, in);
        String id = stored.id();
        m.rename = in.name() != null && !in.name().equals(stored.name());
        m.status = in.status() != stored.status() || (in.endMs() != null && !in.endMs().equals(stored.endMs()));
        m.lifecycle = in.lifecycle() != stored.lifecycle()
                || (in.lifecycle() == Lifecycle.DELETED && in.deletedMs() != null
                    && !in.deletedMs().equals(stored.deletedMs()));
        m.times = in.startMs() != null && !in.startMs().equals(stored.startMs());
        m.parent = in.parentId() != null && !in.parentId().equals(stored.parentId())
                && store.runs().get(in.parentId()).isPresent();
        m.note = in.note() != null && !in.note().equals(stored.note());
        var details = store.runs().details(List.of(id)).get(id);
        diff(in.params(), details.params(), m.params);
        diff(in.tags(), details.tags(), m.tags);
        Set<DatasetInput> have = new HashSet<>(store.runs().inputs(id));
        for (DatasetInput d : in.inputs()) {
            DatasetInput normal = new DatasetInput(d.name(), d.digest() == null ? "" : d.digest(), d.source(),
                    d.schema(), d.context());
            if (!have.contains(normal)) {
                m.inputs.add(d);
            }
        }
        boolean hasArtifactInfo = in.artifactUri() != null || !in.artifacts().isEmpty();
        m.artifacts = hasArtifactInfo && (!Objects.equals(in.artifactUri(), stored.artifactUri())
                || !new HashSet<>(in.artifacts()).equals(new HashSet<>(store.runs().artifacts(id))));
        for (ImportedSeries s : in.metrics()) {
            ImportedSeries fresh = StoredTail.newPoints(s, details.metrics().get(s.key()))
                    .orElseGet(() -> PointDeduper.newPoints(s, store.metrics().read(id, s.key())));
            if (fresh.size() > 0) {
                m.points.add(fresh);
            }
        }
        return m;
    }

    private static void diff(Map<String, String> incoming, Map<String, String> stored, Map<String, String> out) {
        for (Map.Entry<String, String> e : incoming.entrySet()) {
            if (!Objects.equals(e.getValue(), stored.get(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
    }

    boolean isEmpty() {
        return !rename && !status && !lifecycle && !times && !parent && !note && !artifacts && params.isEmpty() && tags.isEmpty()
                && inputs.isEmpty() && points.isEmpty();
    }

    /** Writes the changes inside the caller's transaction. */
    void apply(TrackingStore store, StoreWriter w, RunRef ref) {
        String id = stored.id();
        if (rename) {
            store.runs().rename(id, incoming.name());
        }
        if (status) {
            store.runs().setStatus(id, incoming.status(), incoming.endMs() != null ? incoming.endMs()
                    : stored.endMs());
        }
        if (note) {
            store.runs().setNote(id, incoming.note());
        }
        if (!params.isEmpty()) {
            w.logParams(ref, params);
        }
        if (!tags.isEmpty()) {
            w.setTags(ref, tags);
        }
        if (!inputs.isEmpty()) {
            w.addInputs(ref, inputs);
        }
        if (artifacts) {
            List<Artifact> files = incoming.artifacts();
            w.setArtifacts(ref, incoming.artifactUri(), files);
        }
        for (ImportedSeries s : points) {
            w.append(ref, s.key(), s.steps(), s.timestamps(), s.values(), 0, s.size());
        }
        if (times) {
            store.runs().setTimes(id, incoming.startMs(), incoming.endMs() != null ? incoming.endMs() : stored.endMs());
        }
        if (parent) {
            store.runs().setParent(id, incoming.parentId());
        }
        if (lifecycle) {
            store.runs().setLifecycle(id, incoming.lifecycle(), incoming.deletedMs());
        }
    }
}
