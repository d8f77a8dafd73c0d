package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportClaim;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportSink;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.RunImporter;
import dev.cairn.store.model.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an MLflow SQLite tracking database ({@code mlflow.db} or any file name), every schema from MLflow 1.x to
 * 3.x, opened read-only. NaN metrics ({@code is_nan}) stay NaN. MLflow 3
 * logged models are attached to their source runs ({@link LoggedModels}). The model registry tables go into Cairn's
 * registry (after the runs, so versions link to them).
 */
public final class MlflowSqliteImporter implements RunImporter {
    /** The importer id ({@code cairn import --format mlflow-sqlite}). */
    public static final String ID = "mlflow-sqlite";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "MLflow SQLite database";
    }

    @Override
    public String version() {
        return "1.0";
    }

    /** {@code mlflow.db} in {@code path} when it is a folder holding one, else {@code path} itself. */
    static Path databaseIn(Path path) {
        if (Files.isDirectory(path)) {
            Path db = path.resolve("mlflow.db");
            if (Files.isRegularFile(db)) {
                return db;
            }
        }
        return path;
    }

    @Override
    public double probe(Path given) {
        Path path = databaseIn(given);
        if (!MlflowDatabase.isSqliteFile(path)) {
            return 0;
        }
        try (MlflowDatabase db = MlflowDatabase.open(path)) {
            if (!db.isMlflow()) {
                return 0;
            }
            double confidence = db.hasTable("alembic_version") ? 0.95 : 0.7;
            return path.equals(given) ? confidence : confidence - 0.2; // a folder: other importers may know it better
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** An MLflow database holds many runs (or none: then it is a source of 0 runs, not a failure). */
    @Override
    public ImportClaim claim(Path path) {
        double c = probe(path);
        return c > 0 ? ImportClaim.store(Math.max(0.9, c)) : ImportClaim.NONE;
    }

    @Override
    public void importFrom(Path given, ImportSink sink, ImportContext context) throws ImportException {
        Path path = databaseIn(given);
        if (!Files.isRegularFile(path)) {
            throw new ImportException(path + ": not a file; an MLflow database is a SQLite file such as mlflow.db");
        }
        if (!Files.isReadable(path)) {
            throw new ImportException(path + ": cannot read the file (permission denied)");
        }
        if (!MlflowDatabase.isSqliteFile(path)) {
            throw new ImportException(path + ": offset 0: not a SQLite database (no 'SQLite format 3' header)");
        }
        try (MlflowDatabase db = MlflowDatabase.open(path)) {
            if (!db.isMlflow()) {
                throw new ImportException(path + ": a SQLite database, but not MLflow's (no runs.run_uuid, "
                        + "experiments, metrics and params tables)");
            }
            importFrom(path, db, sink, context);
        } catch (StoreException e) {
            throw new ImportException(path + ": cannot read the MLflow database (" + e.getMessage() + ")", e);
        }
    }

    private void importFrom(Path path, MlflowDatabase db, ImportSink sink, ImportContext context)
            throws ImportException {
        MlflowSqliteReader reader = new MlflowSqliteReader(db, path, context);
        for (ImportedExperiment e : reader.experiments()) {
            sink.experiment(e);
        }
        List<ImportedRun> runs = reader.runs();
        if (runs.isEmpty()) {
            // a database with experiments and no runs is a source of 0 runs, not a failure
            context.progress(1, path + ": 0 runs");
            return;
        }
        List<ImportedRun> ordered = ParentFirst.order(runs, ImportedRun::id, ImportedRun::parentId);
        Map<String, List<LoggedModel>> modelsByRun = LoggedModels.bySourceRun(
                SqliteLoggedModels.read(db, path, context), context);
        Set<String> runIds = new HashSet<>();
        runs.forEach(r -> runIds.add(r.id()));
        LoggedModels.warnOrphans(modelsByRun, runIds, context);
        int done = 0;
        for (ImportedRun run : ordered) {
            if (context.isCancelled()) {
                return;
            }
            context.progress((double) done++ / ordered.size(), "MLflow run " + run.id());
            sink.write(LoggedModels.attach(run, modelsByRun.get(run.id())));
        }
        for (ImportedModel model : new SqliteRegistryReader(db, path, context).models()) {
            sink.model(model);
        }
        context.progress(1, "MLflow database read");
    }
}
