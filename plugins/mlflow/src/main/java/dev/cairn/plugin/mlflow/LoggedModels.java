package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportException;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.plugin.support.SeriesBuffer;
import dev.cairn.store.model.Artifact;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MLflow 3 logged models are not runs: each is attached to the run that logged it, the way a data scientist looks
 * for it — on that run. The run gets a tag {@code mlflow.loggedModel.<name>} holding the model id (ids joined by
 * spaces when a run logged several models of one name), the model's files as artifacts under
 * {@code logged_models/<model id>/}, the model's params it does not have itself as {@code model/<name>/<key>}, and
 * the model's metric points it does not have itself as {@code model/<name>/<key>} series. (MLflow 3 writes a
 * run's metrics to its model as well; those copies are not imported twice.) A model whose source run is not in
 * the import is skipped with a warning.
 */
final class LoggedModels {
    static final String TAG_PREFIX = "mlflow.loggedModel.";
    static final String ARTIFACT_FOLDER = "logged_models/";
    static final String KEY_PREFIX = "model/";

    private LoggedModels() {
    }

    /** The logged models of an experiment folder ({@code models/m-*}); unreadable ones are warned about. */
    static List<LoggedModel> readFolder(Path experimentDir, Path store, ImportContext context) {
        Path models = experimentDir.resolve("models");
        List<LoggedModel> out = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            return out;
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(models, "m-*")) {
            children.forEach(dirs::add);
        } catch (IOException e) {
            context.warn(models + ": logged models not readable (" + e.getMessage() + "); skipped");
            return out;
        }
        dirs.sort(null);
        for (Path dir : dirs) {
            if (!Files.isRegularFile(dir.resolve("meta.yaml"))) {
                continue;
            }
            try {
                out.add(read(dir, store));
            } catch (ImportException e) {
                context.warn(e.getMessage() + "; logged model skipped");
            }
        }
        return out;
    }

    private static LoggedModel read(Path dir, Path store) throws ImportException {
        MetaYaml meta = MetaYaml.read(dir.resolve("meta.yaml"));
        String id = MlflowTags.firstNonBlank(meta.text("model_id"), dir.getFileName().toString());
        String run = MlflowTags.blankToNull(meta.text("source_run_id"));
        List<ImportedSeries> metrics = new ArrayList<>();
        Map<String, String> params;
        List<Artifact> artifacts = List.of();
        try {
            params = LocalFiles.keyedValues(dir.resolve("params"));
            Path metricDir = dir.resolve("metrics");
            if (Files.isDirectory(metricDir)) {
                for (Path f : LocalFiles.files(metricDir)) {
                    metrics.add(MetricFileParser.parse(LocalFiles.relative(metricDir, f), f));
                }
            }
            Path local = dir.resolve("artifacts");
            Path folder = Files.isDirectory(local) ? local
                    : ArtifactUris.localFolder(meta.text("artifact_location"), store).orElse(null);
            if (folder != null) {
                artifacts = LocalFiles.artifacts(folder);
            }
        } catch (IOException e) {
            throw new ImportException(dir + ": cannot read (" + e.getMessage() + ")", e);
        }
        return new LoggedModel(id, MlflowTags.firstNonBlank(meta.text("name"), id),
                run == null ? null : run.toLowerCase(Locale.ROOT), meta.text("artifact_location"), artifacts, params,
                metrics, dir.toString());
    }

    /** Groups models by source run; models without one are warned about and dropped. */
    static Map<String, List<LoggedModel>> bySourceRun(List<LoggedModel> models, ImportContext context) {
        Map<String, List<LoggedModel>> out = new HashMap<>();
        for (LoggedModel m : models) {
            if (m.sourceRunId() == null) {
                context.warn(m.sourceRef() + ": logged model " + m.id() + " has no source run; skipped");
            } else {
                out.computeIfAbsent(m.sourceRunId(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    /** Warns about models whose source run was not among {@code runIds}. */
    static void warnOrphans(Map<String, List<LoggedModel>> byRun, Set<String> runIds, ImportContext context) {
        for (Map.Entry<String, List<LoggedModel>> e : byRun.entrySet()) {
            if (!runIds.contains(e.getKey())) {
                for (LoggedModel m : e.getValue()) {
                    context.warn(m.sourceRef() + ": logged model " + m.id() + " ('" + m.name() + "'): source run "
                            + e.getKey() + " is not in this import; skipped");
                }
            }
        }
    }

    /** {@code run} with {@code models} attached (the same run when there are none). */
    static ImportedRun attach(ImportedRun run, List<LoggedModel> models) {
        if (models == null || models.isEmpty()) {
            return run;
        }
        Map<String, String> tags = new LinkedHashMap<>(run.tags());
        Map<String, String> params = new LinkedHashMap<>(run.params());
        List<Artifact> artifacts = new ArrayList<>(run.artifacts());
        List<ImportedSeries> metrics = new ArrayList<>(run.metrics());
        Map<String, ImportedSeries> own = new HashMap<>();
        run.metrics().forEach(s -> own.put(s.key(), s));
        for (LoggedModel m : models) {
            tags.merge(TAG_PREFIX + m.name(), m.id(), (a, b) -> a.contains(b) ? a : a + " " + b);
            m.params().forEach((k, v) -> {
                if (!v.equals(run.params().get(k))) {
                    params.putIfAbsent(KEY_PREFIX + m.name() + "/" + k, v);
                }
            });
            for (Artifact a : m.artifacts()) {
                artifacts.add(new Artifact(ARTIFACT_FOLDER + m.id() + "/" + a.path(), a.size()));
            }
            for (ImportedSeries s : m.metrics()) {
                ImportedSeries extra = notIn(s, own.get(s.key()), KEY_PREFIX + m.name() + "/" + s.key());
                if (extra.size() > 0) {
                    metrics.add(extra);
                }
            }
        }
        return new ImportedRun(run.experiment(), run.id(), run.name(), run.status(), run.startMs(), run.endMs(),
                run.user(), run.parentId(), run.lifecycle(), run.deletedMs(), run.sourceProgram(),
                run.sourceCommit(), run.note(), params, tags, run.inputs(), run.artifactUri(), artifacts, metrics,
                run.sourceRef(), run.provenance());
    }

    /** The points of {@code s} that {@code own} does not have (same step, timestamp and value), renamed. */
    private static ImportedSeries notIn(ImportedSeries s, ImportedSeries own, String key) {
        Set<String> have = new HashSet<>();
        if (own != null) {
            for (int i = 0; i < own.size(); i++) {
                have.add(own.steps()[i] + " " + own.timestamps()[i] + " "
                        + Double.doubleToRawLongBits(own.values()[i]));
            }
        }
        SeriesBuffer kept = new SeriesBuffer(s.size());
        for (int i = 0; i < s.size(); i++) {
            if (!have.contains(s.steps()[i] + " " + s.timestamps()[i] + " "
                    + Double.doubleToRawLongBits(s.values()[i]))) {
                kept.add(s.steps()[i], s.timestamps()[i], s.values()[i]);
            }
        }
        return kept.toSeries(key);
    }
}
