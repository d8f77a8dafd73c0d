package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedExperiment;
import dev.cairn.plugin.importer.ImportedRun;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.RunStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    MlflowSqliteReader(MlflowDatabase db, Path file, ImportContext context) {
        this.db = db;
        this.file = file;
        this.context = context;
    }

    List<ImportedExperiment> experiments() throws SQLException {
        Map<String, Map<String, String>> tags = new HashMap<>();
        if (db.hasTable("experiment_tags")) {
            query("SELECT experiment_id, key, value FROM experiment_tags", rs -> tags
                    .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .put(rs.getString(2), nullToEmpty(rs.getString(3))));
        }
        List<ImportedExperiment> out = new ArrayList<>();
        query("SELECT experiment_id, name, lifecycle_stage, " + db.columnOr("experiments", "creation_time", "NULL")
                + " FROM experiments ORDER BY experiment_id", rs -> {
                    String id = rs.getString(1);
                    String name = rs.getString(2);
                    experimentNames.put(id, name);
                    Map<String, String> t = tags.getOrDefault(id, Map.of());
                    out.add(new ImportedExperiment(name, t.get("mlflow.note.content"),
                            "deleted".equalsIgnoreCase(rs.getString(3)) ? Lifecycle.DELETED : Lifecycle.ACTIVE,
                            nullableLong(rs, 4), t));
                });
        return out;
    }

    List<ImportedRun> runs() throws SQLException {
        Map<String, Map<String, String>> params = keyValues("params");
        Map<String, Map<String, String>> tags = keyValues("tags");
        Map<String, Map<String, SeriesBuffer>> metrics = metrics();
        Map<String, List<DatasetInput>> inputs = inputs();
        List<ImportedRun> out = new ArrayList<>();
        String sql = "SELECT run_uuid, " + db.columnOr("runs", "name", "NULL") + ", user_id, status, start_time, "
                + "end_time, lifecycle_stage, artifact_uri, experiment_id, source_name, source_version, "
                + db.columnOr("runs", "deleted_time", "NULL") + " FROM runs ORDER BY start_time, run_uuid";
        query(sql, rs -> {
            String id = rs.getString(1).toLowerCase(Locale.ROOT);
            Map<String, String> t = tags.getOrDefault(id, Map.of());
            String experiment = experimentNames.getOrDefault(rs.getString(9), "mlflow-" + rs.getString(9));
            ImportedRun.Builder b = ImportedRun.builder(experiment, id);
            RunStatus status = MlflowStatus.parse(rs.getString(4));
            if (status == null) {
                context.warn(file + ": run " + id + ": unknown status '" + rs.getString(4) + "', imported as FAILED");
                status = RunStatus.FAILED;
            }
            b.status(status).times(nullableLong(rs, 5), nullableLong(rs, 6));
            boolean deleted = "deleted".equalsIgnoreCase(rs.getString(7));
            b.lifecycle(deleted ? Lifecycle.DELETED : Lifecycle.ACTIVE, deleted ? nullableLong(rs, 12) : null);
            MlflowTags.applyTo(b, t, rs.getString(2), rs.getString(3));
            if (t.get(MlflowTags.SOURCE_NAME) == null) {
                b.source(MlflowTags.blankToNull(rs.getString(10)), MlflowTags.blankToNull(rs.getString(11)));
            }
            String parent = MlflowTags.blankToNull(t.get(MlflowTags.PARENT));
            b.parentId(parent == null ? null : parent.strip().toLowerCase(Locale.ROOT));
            b.tags(t).params(params.getOrDefault(id, Map.of()));
            for (SeriesBuffer s : metrics.getOrDefault(id, Map.of()).values()) {
                b.metric(s.build());
            }
            inputs.getOrDefault(id, List.of()).forEach(b::input);
            String uri = rs.getString(8);
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

    private Map<String, Map<String, String>> keyValues(String table) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        query("SELECT run_uuid, key, value FROM " + table, rs -> out
                .computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                .put(rs.getString(2), nullToEmpty(rs.getString(3))));
        return out;
    }

    private Map<String, Map<String, SeriesBuffer>> metrics() throws SQLException {
        Map<String, Map<String, SeriesBuffer>> out = new HashMap<>();
        String sql = "SELECT run_uuid, key, timestamp, " + db.columnOr("metrics", "step", "0") + ", value, "
                + db.columnOr("metrics", "is_nan", "0") + " FROM metrics ORDER BY run_uuid, key, "
                + db.columnOr("metrics", "step", "0") + ", timestamp";
        query(sql, rs -> {
            String run = rs.getString(1).toLowerCase(Locale.ROOT);
            String key = rs.getString(2);
            double value = rs.getBoolean(6) ? Double.NaN : rs.getDouble(5);
            out.computeIfAbsent(run, k -> new LinkedHashMap<>()).computeIfAbsent(key, SeriesBuffer::new)
                    .add(rs.getLong(4), rs.getLong(3), value);
        });
        return out;
    }

    private Map<String, List<DatasetInput>> inputs() throws SQLException {
        Map<String, List<DatasetInput>> out = new HashMap<>();
        if (!db.hasTable("inputs") || !db.hasTable("datasets")) {
            return out;
        }
        String context = db.hasTable("input_tags") ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = "
                + "i.input_uuid AND t.name = 'mlflow.data.context')" : "NULL";
        query("SELECT i.destination_id, d.name, d.digest, d.dataset_source, d.dataset_schema, " + context
                + " FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' "
                + "AND i.destination_type = 'RUN_INPUT' ORDER BY d.name", rs -> out
                .computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(new DatasetInput(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))));
        return out;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
