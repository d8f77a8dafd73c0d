package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.support.SeriesBuffer;
import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.foreign.ForeignSqlite;
import dev.cairn.store.foreign.ForeignSqlite.Row;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads experiments and runs (params, tags, metrics, inputs) out of an MLflow database, table by table. */
final class MlflowSqliteReader {
    private final MlflowDatabase db;
    private final Path file;
    private final ImportContext context;
    private final Map<String, String> experimentNames = new HashMap<>();
    /** Runs with a metric row that cannot be read, with the first such problem (table and row named). */
    private final Map<String, String> unreadable = new HashMap<>();

    MlflowSqliteReader(MlflowDatabase db, Path file, ImportContext context) {
        this.db = db;
        this.file = file;
        this.context = context;
    }

    List<ImportedExperiment> experiments() {
        Map<String, Map<String, String>> tags = new HashMap<>();
        if (db.hasTable("experiment_tags")) {
            db.query("SELECT experiment_id AS c1, key AS c2, value AS c3 FROM experiment_tags", rs -> tags
                    .computeIfAbsent(rs.getString("c1"), k -> new LinkedHashMap<>())
                    .put(rs.getString("c2"), nullToEmpty(rs.getString("c3"))));
        }
        List<ImportedExperiment> out = new ArrayList<>();
        db.query("SELECT experiment_id AS c1, name AS c2, lifecycle_stage AS c3, "
                + db.columnOr("experiments", "creation_time", "NULL") + " AS c4 FROM experiments ORDER BY experiment_id",
                rs -> {
                    String id = rs.getString("c1");
                    String name = rs.getString("c2");
                    experimentNames.put(id, name);
                    Map<String, String> t = tags.getOrDefault(id, Map.of());
                    out.add(new ImportedExperiment(name, t.get("mlflow.note.content"),
                            "deleted".equalsIgnoreCase(rs.getString("c3")) ? Lifecycle.DELETED : Lifecycle.ACTIVE,
                            rs.getLong("c4"), t));
                });
        return out;
    }

    List<ImportedRun> runs() {
        Map<String, Map<String, String>> params = keyValues("params");
        Map<String, Map<String, String>> tags = keyValues("tags");
        Map<String, Map<String, SeriesBuffer>> metrics = metrics();
        Map<String, List<DatasetInput>> inputs = inputs();
        List<ImportedRun> out = new ArrayList<>();
        String sql = "SELECT run_uuid AS c1, " + db.columnOr("runs", "name", "NULL") + " AS c2, user_id AS c3, "
                + "status AS c4, start_time AS c5, end_time AS c6, lifecycle_stage AS c7, artifact_uri AS c8, "
                + "experiment_id AS c9, source_name AS c10, source_version AS c11, "
                + db.columnOr("runs", "deleted_time", "NULL") + " AS c12 FROM runs ORDER BY start_time, run_uuid";
        db.query(sql, rs -> {
            String id = rs.getString("c1").toLowerCase(Locale.ROOT);
            if (unreadable.containsKey(id)) {
                context.fail(file + "#" + id, unreadable.get(id) + "; run not imported");
                return;
            }
            Map<String, String> t = tags.getOrDefault(id, Map.of());
            String experiment = experimentNames.getOrDefault(rs.getString("c9"), "mlflow-" + rs.getString("c9"));
            ImportedRun.Builder b = ImportedRun.builder(experiment, id);
            RunStatus status = MlflowStatus.parse(rs.getString("c4"));
            if (status == null) {
                context.warn(file + ": run " + id + ": unknown status '" + rs.getString("c4") + "', imported as FAILED");
                status = RunStatus.FAILED;
            }
            b.status(status).times(rs.getLong("c5"), rs.getLong("c6"));
            boolean deleted = "deleted".equalsIgnoreCase(rs.getString("c7"));
            b.lifecycle(deleted ? Lifecycle.DELETED : Lifecycle.ACTIVE, deleted ? rs.getLong("c12") : null);
            MlflowTags.applyTo(b, t, rs.getString("c2"), rs.getString("c3"));
            if (t.get(MlflowTags.SOURCE_NAME) == null) {
                b.source(MlflowTags.blankToNull(rs.getString("c10")), MlflowTags.blankToNull(rs.getString("c11")));
            }
            String parent = MlflowTags.blankToNull(t.get(MlflowTags.PARENT));
            b.parentId(parent == null ? null : parent.strip().toLowerCase(Locale.ROOT));
            b.tags(t).params(params.getOrDefault(id, Map.of()));
            metrics.getOrDefault(id, Map.of()).forEach((key, s) -> b.metric(s.toSeries(key)));
            inputs.getOrDefault(id, List.of()).forEach(b::input);
            String uri = rs.getString("c8");
            b.artifacts(uri, artifacts(uri));
            b.sourceRef(file.toAbsolutePath() + "#" + id);
            out.add(b.build());
        });
        return out;
    }

    private List<dev.cairn.store.model.Artifact> artifacts(String uri) {
        Path folder = ArtifactUris.localFolder(uri, file).orElse(null);
        if (folder == null) {
            return List.of();
        }
        try {
            return LocalFiles.artifacts(folder);
        } catch (IOException e) {
            context.warn(folder + ": artifacts not listed (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private Map<String, Map<String, String>> keyValues(String table) {
        Map<String, Map<String, String>> out = new HashMap<>();
        db.query("SELECT run_uuid AS c1, key AS c2, value AS c3 FROM " + table, rs -> out
                .computeIfAbsent(rs.getString("c1").toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                .put(rs.getString("c2"), nullToEmpty(rs.getString("c3"))));
        return out;
    }

    private Map<String, Map<String, SeriesBuffer>> metrics() {
        Map<String, Map<String, SeriesBuffer>> out = new HashMap<>();
        String sql = "SELECT run_uuid, key, timestamp, " + db.columnOr("metrics", "step", "0") + " AS step, value, "
                + db.columnOr("metrics", "is_nan", "0") + " AS is_nan, rowid AS " + ForeignSqlite.ROW_ID
                + " FROM metrics ORDER BY run_uuid, key, step, timestamp";
        db.queryRows("metrics", sql, rs -> {
            String run = rs.getString("run_uuid").toLowerCase(Locale.ROOT);
            String key = rs.getString("key");
            double value;
            long step;
            long timestamp;
            try {
                Long nan = rs.getLong("is_nan");
                Double raw = rs.getDouble("value");
                value = (nan != null && nan != 0) || raw == null ? Double.NaN : raw;
                step = orZero(rs.getLong("step"));
                timestamp = orZero(rs.getLong("timestamp"));
            } catch (StoreException e) {
                // the error names the table and row: the run is not imported, the others are
                unreadable.putIfAbsent(run, file + ": " + e.getMessage() + " (metric '" + key + "')");
                return;
            }
            out.computeIfAbsent(run, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new SeriesBuffer())
                    .add(step, timestamp, value);
        });
        return out;
    }

    private Map<String, List<DatasetInput>> inputs() {
        Map<String, List<DatasetInput>> out = new HashMap<>();
        if (!db.hasTable("inputs") || !db.hasTable("datasets")) {
            return out;
        }
        String context = db.hasTable("input_tags") ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = "
                + "i.input_uuid AND t.name = 'mlflow.data.context')" : "NULL";
        db.query("SELECT i.destination_id AS c1, d.name AS c2, d.digest AS c3, d.dataset_source AS c4, "
                + "d.dataset_schema AS c5, " + context + " AS c6"
                + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' "
                + "AND i.destination_type = 'RUN_INPUT' ORDER BY d.name", rs -> out
                .computeIfAbsent(rs.getString("c1").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(new DatasetInput(rs.getString("c2"), rs.getString("c3"), rs.getString("c4"), rs.getString("c5"),
                        rs.getString("c6"))));
        return out;
    }

    private static long orZero(Long v) {
        return v == null ? 0L : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
