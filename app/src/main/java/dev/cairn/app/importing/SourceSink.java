package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.model.RunStatus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The sink one sub-tree of a project folder writes through: counts its runs, and links each run without a parent
 * of its own to the parent run of the sub-tree's group (written before the first of its runs, once per import).
 */
final class SourceSink implements ImportSink {
    private final ImportSink delegate;
    private final GroupRuns groups;
    private final Path group;
    private int runs;

    SourceSink(ImportSink delegate, GroupRuns groups, Path group) {
        this.delegate = delegate;
        this.groups = groups;
        this.group = group;
    }

    int runs() {
        return runs;
    }

    @Override
    public void experiment(ImportedExperiment experiment) {
        delegate.experiment(experiment);
    }

    @Override
    public Outcome write(ImportedRun run) {
        ImportedRun linked = run;
        if (group != null && run.parentId() == null) {
            String parent = groups.parentFor(group, run.experiment(), delegate);
            if (parent != null) {
                linked = withParent(run, parent);
            }
        }
        Outcome outcome = delegate.write(linked);
        if (outcome != Outcome.FAILED) {
            runs++;
        }
        return outcome;
    }

    @Override
    public Outcome model(ImportedModel model) {
        return delegate.model(model);
    }

    private static ImportedRun withParent(ImportedRun r, String parent) {
        return new ImportedRun(r.experiment(), r.id(), r.name(), r.status(), r.startMs(), r.endMs(), r.user(),
                parent, r.lifecycle(), r.deletedMs(), r.sourceProgram(), r.sourceCommit(), r.note(), r.params(),
                r.tags(), r.inputs(), r.artifactUri(), r.artifacts(), r.metrics(), r.sourceRef(), r.provenance());
    }

    /**
     * The parent runs of one import: one per group folder, named after it, id stable over re-imports (derived from
     * the dropped folder's name and the group's path under it), written once.
     */
    static final class GroupRuns {
        private final Path root;
        private final Set<Path> written = new HashSet<>();

        GroupRuns(Path root) {
            this.root = root;
        }

        String idOf(Path group) {
            return ImportedRun.stableId("cairn-project", key(group));
        }

        /** The group's parent run id, writing the parent first when this import has not; null if it failed. */
        String parentFor(Path group, String experiment, ImportSink sink) {
            String id = idOf(group);
            if (written.contains(group)) {
                return id;
            }
            ImportedRun parent = ImportedRun.builder(experiment, id)
                    .name(group.getFileName() == null ? group.toString() : group.getFileName().toString())
                    .status(RunStatus.FINISHED).tag("cairn.group", key(group)).sourceRef(group.toString()).build();
            if (sink.write(parent) == Outcome.FAILED) {
                return null;
            }
            written.add(group);
            return id;
        }

        private String key(Path group) {
            String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
            String rel = root.relativize(group).toString().replace('\\', '/');
            return rel.isEmpty() ? name : name + "/" + rel;
        }
    }
}
