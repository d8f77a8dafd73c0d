package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.model.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports an MLflow file store ({@code mlruns/}), every generation from 1.x to 3.x: experiments (deleted ones
 * under {@code .trash} too), runs with params, tags, metrics, status, times, user, lifecycle, parent links, run
 * names, dataset inputs and artifact file lists. The path may be the store itself or a folder holding stores a
 * few levels down. MLflow 3 logged models and the file-based model registry are counted and reported, not
 * imported (Cairn's registry import is not there yet).
 */
public final class MlflowFileStoreImporter implements RunImporter {
    /** The importer id ({@code cairn import --format mlflow-file}). */
    public static final String ID = "mlflow-file";
    private static final Logger LOG = LoggerFactory.getLogger(MlflowFileStoreImporter.class);

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
        int failures = 0;
        for (Path store : stores) {
            failures += scan(store, sink, context, headers);
        }
        if (headers.isEmpty() && failures == 0) {
            throw new ImportException(path + ": the MLflow file store has no runs");
        }
        List<RunFolderReader.Header> ordered = ParentFirst.order(headers, RunFolderReader.Header::id,
                RunFolderReader.Header::parentId);
        int done = 0;
        for (RunFolderReader.Header h : ordered) {
            if (context.isCancelled()) {
                return;
            }
            context.progress((double) done / ordered.size(), "MLflow run " + h.id());
            try {
                sink.write(RunFolderReader.read(h, context));
            } catch (ImportException e) {
                context.fail(h.dir().toString(), e.getMessage());
            }
            done++;
        }
        context.progress(1, "MLflow file store read");
    }

    /** Reads experiment metas and run headers of one store; returns the number of failed sources. */
    private int scan(Path store, ImportSink sink, ImportContext context, List<RunFolderReader.Header> headers) {
        int failures = 0;
        int loggedModels = 0;
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
                loggedModels += FileStoreLayout.loggedModelCount(expDir);
            } catch (IOException e) {
                context.fail(expDir.toString(), "cannot list runs (" + e.getMessage() + ")");
                failures++;
            }
        }
        if (loggedModels > 0) {
            context.warn(store + ": " + loggedModels + " MLflow 3 logged models (<experiment>/models/m-*) skipped: "
                    + "they are not runs");
        }
        try {
            int registered = FileStoreLayout.registeredModelCount(store);
            if (registered > 0) {
                context.warn(store + ": registry import needs the registry (" + registered + " models skipped)");
            }
        } catch (IOException e) {
            LOG.debug("cannot count registered models in {}", store, e);
        }
        return failures;
    }
}
