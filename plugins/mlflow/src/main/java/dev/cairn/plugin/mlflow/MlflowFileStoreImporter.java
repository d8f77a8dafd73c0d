package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.model.Lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Imports an MLflow file store ({@code mlruns/}), every generation from 1.x to 3.x: experiments (deleted ones
 * under {@code .trash} too), runs with params, tags, metrics, status, times, user, lifecycle, parent links, run
 * names, dataset inputs and artifact file lists; MLflow 3 logged models ({@code <experiment>/models/m-*}) are
 * attached to their source runs ({@link LoggedModels}); then the file-based model registry ({@code models/}). The path may
 * be the store itself or a folder holding stores a few levels down.
 */
public final class MlflowFileStoreImporter implements RunImporter {
    /** The importer id ({@code cairn import --format mlflow-file}). */
    public static final String ID = "mlflow-file";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "MLflow file store";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public double probe(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return 0;
            }
            if (FileStoreLayout.isStore(path)) {
                return 0.95;
            }
            return FileStoreLayout.findStores(path).isEmpty() ? 0 : 0.8;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A file store (mlruns/) holds many runs and owns its artifacts. */
    @Override
    public ImportClaim claim(Path path) {
        try {
            return Files.isDirectory(path) && FileStoreLayout.isStore(path) ? ImportClaim.store(0.95)
                    : ImportClaim.NONE;
        } catch (RuntimeException e) {
            return ImportClaim.NONE;
        }
    }

    @Override
    public void importFrom(Path path, ImportSink sink, ImportContext context) throws ImportException {
        if (!Files.isDirectory(path)) {
            throw new ImportException(path + ": not a folder; an MLflow file store is a folder (usually mlruns/)");
        }
        List<Path> stores = FileStoreLayout.findStores(path);
        if (stores.isEmpty()) {
            throw new ImportException(path + ": no MLflow file store found (expected experiment folders with a "
                    + "meta.yaml, as in mlruns/0/meta.yaml)");
        }
        List<RunFolderReader.Header> headers = new ArrayList<>();
        List<LoggedModel> loggedModels = new ArrayList<>();
        int failures = 0;
        for (Path store : stores) {
            failures += scan(store, sink, context, headers, loggedModels);
        }
        if (headers.isEmpty() && failures == 0) {
            // a store with experiments and no runs is a source of 0 runs, not a failure
            context.progress(1, path + ": 0 runs");
            return;
        }
        List<RunFolderReader.Header> ordered = ParentFirst.order(headers, RunFolderReader.Header::id,
                RunFolderReader.Header::parentId);
        Map<String, List<LoggedModel>> modelsByRun = LoggedModels.bySourceRun(loggedModels, context);
        Set<String> runIds = new HashSet<>();
        headers.forEach(h -> runIds.add(h.id()));
        LoggedModels.warnOrphans(modelsByRun, runIds, context);
        int done = 0;
        try (ReadAhead<RunFolderReader.Header> ahead = new ReadAhead<>(ordered,
                (h, c) -> LoggedModels.attach(RunFolderReader.read(h, c), modelsByRun.get(h.id())), context)) {
            var parsed = ahead.iterator();
            while (parsed.hasNext()) {
                if (context.isCancelled()) {
                    return;
                }
                ReadAhead.Parsed<RunFolderReader.Header> p = parsed.next();
                context.progress((double) done / ordered.size(), "MLflow run " + p.source().id());
                p.replay(context).ifPresent(sink::write);
                if (p.error() != null) {
                    context.fail(p.source().dir().toString(), p.error());
                }
                done++;
            }
        }
        for (Path store : stores) {
            for (ImportedModel model : FileRegistryReader.read(store, context)) {
                sink.model(model);
            }
        }
        context.progress(1, "MLflow file store read");
    }

    /** Reads experiment metas and run headers of one store; returns the number of failed sources. */
    private int scan(Path store, ImportSink sink, ImportContext context, List<RunFolderReader.Header> headers,
                     List<LoggedModel> loggedModels) {
        int failures = 0;
        List<Path> experiments;
        try {
            experiments = FileStoreLayout.experimentDirs(store);
        } catch (IOException e) {
            context.fail(store.toString(), "cannot list experiments (" + e.getMessage() + ")");
            return 1;
        }
        for (Path expDir : experiments) {
            MetaYaml meta;
            try {
                meta = MetaYaml.read(expDir.resolve("meta.yaml"));
            } catch (ImportException e) {
                context.fail(expDir.toString(), e.getMessage());
                failures++;
                continue;
            }
            String name = meta.text("name");
            if (name == null) {
                name = "mlflow-" + expDir.getFileName();
                context.warn(meta.file() + ": experiment has no name; imported as '" + name + "'");
            }
            boolean deleted = FileStoreLayout.isTrashed(expDir)
                    || "deleted".equalsIgnoreCase(meta.text("lifecycle_stage"));
            Map<String, String> tags;
            try {
                tags = LocalFiles.keyedValues(expDir.resolve("tags"));
            } catch (IOException e) {
                context.warn(expDir.resolve("tags") + ": experiment tags not readable (" + e.getMessage() + ")");
                tags = Map.of();
            }
            sink.experiment(new ImportedExperiment(name, tags.get("mlflow.note.content"),
                    deleted ? Lifecycle.DELETED : Lifecycle.ACTIVE, meta.number("creation_time"), tags));
            try {
                for (Path runDir : FileStoreLayout.runDirs(expDir)) {
                    try {
                        headers.add(RunFolderReader.header(store, name, runDir));
                    } catch (ImportException e) {
                        context.fail(runDir.toString(), e.getMessage());
                        failures++;
                    }
                }
                loggedModels.addAll(LoggedModels.readFolder(expDir, store, context));
            } catch (IOException e) {
                context.fail(expDir.toString(), "cannot list runs (" + e.getMessage() + ")");
                failures++;
            }
        }
        return failures;
    }
}
