package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.support.SeriesBuffer;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedSeries;
import dev.cairn.store.model.Artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads MLflow 3 logged models out of a database: {@code logged_models}, {@code logged_model_params}, {@code logged_model_metrics}. */
final class SqliteLoggedModels {
    private SqliteLoggedModels() {
    }

    static List<LoggedModel> read(MlflowDatabase db, Path file, ImportContext context) {
        if (!db.hasTable("logged_models")) {
            return List.of();
        }
        Map<String, Map<String, String>> params = new HashMap<>();
        if (db.hasTable("logged_model_params")) {
            db.query("SELECT model_id AS c1, param_key AS c2, param_value AS c3 FROM logged_model_params", rs -> params
                    .computeIfAbsent(rs.getString("c1"), k -> new LinkedHashMap<>())
                    .put(rs.getString("c2"), rs.getString("c3") == null ? "" : rs.getString("c3")));
        }
        Map<String, Map<String, SeriesBuffer>> metrics = new HashMap<>();
        if (db.hasTable("logged_model_metrics")) {
            db.query("SELECT model_id AS c1, metric_name AS c2, metric_timestamp_ms AS c3, metric_step AS c4, "
                    + "metric_value AS c5 FROM logged_model_metrics ORDER BY model_id, metric_name, metric_step, "
                    + "metric_timestamp_ms", rs -> {
                        Double v = rs.getDouble("c5");
                        metrics.computeIfAbsent(rs.getString("c1"), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString("c2"), k -> new SeriesBuffer())
                                .add(orZero(rs.getLong("c4")), orZero(rs.getLong("c3")), v == null ? Double.NaN : v);
                    });
        }
        List<LoggedModel> out = new ArrayList<>();
        db.query("SELECT model_id AS c1, name AS c2, source_run_id AS c3, artifact_location AS c4 FROM logged_models "
                + "ORDER BY model_id", rs -> {
                    String id = rs.getString("c1");
                    String run = MlflowTags.blankToNull(rs.getString("c3"));
                    String uri = rs.getString("c4");
                    List<ImportedSeries> series = new ArrayList<>();
                    metrics.getOrDefault(id, Map.of()).forEach((key, b) -> series.add(b.toSeries(key)));
                    out.add(new LoggedModel(id, MlflowTags.firstNonBlank(rs.getString("c2"), id),
                            run == null ? null : run.toLowerCase(Locale.ROOT), uri, artifacts(uri, file, context),
                            params.getOrDefault(id, Map.of()), series, file.toAbsolutePath() + "#" + id));
                });
        return out;
    }

    private static List<Artifact> artifacts(String uri, Path file, ImportContext context) {
        Path folder = ArtifactUris.localFolder(uri, file).orElse(null);
        if (folder == null) {
            return List.of();
        }
        try {
            return LocalFiles.artifacts(folder);
        } catch (IOException e) {
            context.warn(folder + ": logged model artifacts not listed (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0L : v;
    }
}
