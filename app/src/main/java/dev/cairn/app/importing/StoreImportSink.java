package dev.cairn.app.importing;

import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.RunRef;
import dev.cairn.store.StoreWriter;
import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store-backed {@link ImportSink}: writes each run in one transaction with Cairn's merge rules. A new run keeps
 * the source's id; an existing one gets changed attributes, params and tags, new inputs, and only the metric
 * points not stored yet (exact duplicates, also within the source, are stored once). Experiments announced by the
 * importer are written with the first run that goes into them. In a dry run nothing is written but outcomes are
 * computed the same way.
 */
public final class StoreImportSink implements ImportSink {
    private static final Logger LOG = LoggerFactory.getLogger(StoreImportSink.class);

    private final TrackingStore store;
    private final RunImporter importer;
    private final ImportOptions options;
    private final ImportReport report;
    private final Map<String, ImportedExperiment> announced = new HashMap<>();
    private final Set<String> experimentsWritten = new HashSet<>();
    private final Set<String> runsSeen;
    private Provenance here;

    StoreImportSink(TrackingStore store, RunImporter importer, ImportOptions options, ImportReport report) {
        this(store, importer, options, report, new HashSet<>());
    }

    /** A sink sharing {@code runsSeen} with the other sinks of one import (the sub-trees of a project folder). */
    StoreImportSink(TrackingStore store, RunImporter importer, ImportOptions options, ImportReport report,
                    Set<String> runsSeen) {
        this.store = store;
        this.importer = importer;
        this.options = options;
        this.report = report;
        this.runsSeen = runsSeen;
    }

    @Override
    public void experiment(ImportedExperiment experiment) {
        if (options.experiment() == null && experiment != null && experiment.name() != null) {
            announced.put(experiment.name(), experiment);
        }
    }

    @Override
    public Outcome write(ImportedRun source) {
        ImportedRun run = options.experiment() == null ? source : inExperiment(source, options.experiment());
        if (report.storeFull()) {
            report.notAttempted();
            return Outcome.FAILED;
        }
        try {
            Outcome outcome = options.dryRun() ? plan(run) : store(run);
            runsSeen.add(run.id());
            report.outcome(outcome, run.id());
            return outcome;
        } catch (StoreFullException e) {
            LOG.warn("run {} not imported: {}", run.id(), e.getMessage());
            report.storeFull(run.sourceRef() != null ? run.sourceRef() : run.id(),
                    (run.sourceRef() != null ? run.sourceRef() + ": " : "") + "run " + run.id()
                            + " and the runs after it not imported: " + e.getMessage());
            return Outcome.FAILED;
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            LOG.debug("run {} not written", run.id(), e);
            report.fail(run.sourceRef() != null ? run.sourceRef() : run.id(),
                    (run.sourceRef() != null ? run.sourceRef() + ": " : "") + "run " + run.id() + " not imported: "
                            + e.getMessage());
            return Outcome.FAILED;
        }
    }

    @Override
    public Outcome model(ImportedModel model) {
        ModelImport writer = new ModelImport(store, report);
        try {
            Outcome outcome = options.dryRun() ? writer.plan(model) : writer.write(model);
            report.model(model.name(), outcome);
            return outcome;
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            LOG.debug("model {} not written", model.name(), e);
            String where = model.sourceRef() != null ? model.sourceRef() : model.name();
            report.fail(where, where + ": model '" + model.name() + "' not imported: " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    private Outcome plan(ImportedRun run) {
        Optional<Run> stored = store.runs().get(run.id());
        parentOf(run);
        if (stored.isEmpty()) {
            return runsSeen.contains(run.id()) ? Outcome.UNCHANGED : Outcome.ADDED;
        }
        return RunMerge.of(store, stored.get(), run).isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    private Outcome store(ImportedRun run) {
        Optional<Run> stored = store.runs().get(run.id());
        if (stored.isPresent()) {
            if (!stored.get().experimentName().equals(run.experiment())) {
                report.warn("run " + run.id() + " is already in experiment '" + stored.get().experimentName()
                        + "'; updated there, not moved to '" + run.experiment() + "'");
            }
            RunMerge merge = RunMerge.of(store, stored.get(), run);
            if (merge.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            store.write(w -> {
                writeExperiment(w, stored.get().experimentName());
                merge.apply(store, w, w.run(run.id()));
            });
            return Outcome.UPDATED;
        }
        String parent = parentOf(run);
        boolean[] appeared = {false};
        store.write(w -> {
            // checked again inside the transaction: another import of the same folder may have stored it meanwhile
            if (w.findRun(run.id()).isPresent()) {
                appeared[0] = true;
                return;
            }
            create(w, run, parent);
        });
        if (appeared[0]) {
            return store(run); // now stored: unchanged (or updated), never "already exists"
        }
        return Outcome.ADDED;
    }

    private void create(StoreWriter w, ImportedRun run, String parent) {
        writeExperiment(w, run.experiment());
        Provenance provenance = run.provenance() != null ? run.provenance() : provenanceFor(run);
        NewRun spec = new NewRun(run.experiment(), run.id(), run.name(), run.status(), run.startMs(), run.endMs(),
                run.user(), parent, run.sourceProgram(), run.sourceCommit(), run.artifactUri(), provenance);
        RunRef ref = w.createRun(spec);
        if (!run.params().isEmpty()) {
            w.logParams(ref, run.params());
        }
        if (!run.tags().isEmpty()) {
            w.setTags(ref, run.tags());
        }
        if (!run.inputs().isEmpty()) {
            w.addInputs(ref, run.inputs());
        }
        if (!run.artifacts().isEmpty()) {
            w.setArtifacts(ref, run.artifactUri(), run.artifacts());
        }
        for (ImportedSeries series : run.metrics()) {
            ImportedSeries unique = PointDeduper.newPoints(series, null);
            w.append(ref, unique.key(), unique.steps(), unique.timestamps(), unique.values(), 0,
                    unique.size());
        }
        if (run.note() != null) {
            store.runs().setNote(run.id(), run.note());
        }
        if (run.lifecycle() == Lifecycle.DELETED) {
            store.runs().setLifecycle(run.id(), Lifecycle.DELETED, run.deletedMs());
        }
    }

    /** This importer on this machine now, for {@code run}'s source (host looked up once per import). */
    private Provenance provenanceFor(ImportedRun run) {
        if (here == null) {
            here = Provenance.here(importer.id(), importer.version(), null);
        }
        return new Provenance(here.writer(), here.writerVersion(), here.host(), here.os(), here.javaVersion(),
                run.sourceRef(), System.currentTimeMillis());
    }

    /** The parent id to store: the run's parent when it is in the store or this import, else null (warned). */
    private String parentOf(ImportedRun run) {
        String parent = run.parentId();
        if (parent == null || runsSeen.contains(parent) || store.runs().get(parent).isPresent()) {
            return parent;
        }
        report.warn((run.sourceRef() != null ? run.sourceRef() + ": " : "") + "run " + run.id() + ": parent run "
                + parent + " is neither in the store nor in this import; stored without the parent link");
        return null;
    }

    /** Writes an announced experiment's description, tags and lifecycle once, with the first run in it. */
    private void writeExperiment(StoreWriter w, String name) {
        ImportedExperiment e = announced.get(name);
        if (e == null || experimentsWritten.contains(name)) {
            return;
        }
        boolean existed = store.experiments().byName(name).isPresent();
        store.experiments().getOrCreate(name);
        if (e.description() != null) {
            store.experiments().setDescription(name, e.description());
        }
        e.tags().forEach((k, v) -> store.experiments().setTag(name, k, v));
        if (!existed && e.lifecycle() == Lifecycle.DELETED) {
            store.experiments().delete(name);
        }
        w.afterCommit(() -> experimentsWritten.add(name));
    }

    private static ImportedRun inExperiment(ImportedRun r, String experiment) {
        return new ImportedRun(experiment, r.id(), r.name(), r.status(), r.startMs(), r.endMs(), r.user(),
                r.parentId(), r.lifecycle(), r.deletedMs(), r.sourceProgram(), r.sourceCommit(), r.note(), r.params(),
                r.tags(), r.inputs(), r.artifactUri(), r.artifacts(), r.metrics(), r.sourceRef(), r.provenance());
    }
}
