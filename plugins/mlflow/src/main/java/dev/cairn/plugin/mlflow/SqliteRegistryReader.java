package dev.cairn.plugin.mlflow;

import dev.cairn.plugin.importer.ImportContext;
import dev.cairn.plugin.importer.ImportedModel;
import dev.cairn.plugin.importer.ImportedModelVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the model registry tables of an MLflow database: {@code registered_models}, {@code model_versions},
 * {@code registered_model_tags}, {@code model_version_tags} and (MLflow 2.3+) {@code registered_model_aliases}.
 * Columns missing from older schemas read as null.
 */
final class SqliteRegistryReader {
    private final MlflowDatabase db;
    private final Path file;
    private final ImportContext context;

    SqliteRegistryReader(MlflowDatabase db, Path file, ImportContext context) {
        this.db = db;
        this.file = file;
        this.context = context;
    }

    List<ImportedModel> models() {
        if (!db.hasTable("registered_models") || !db.hasTable("model_versions")) {
            return List.of();
        }
        Map<String, Map<String, String>> modelTags = new HashMap<>();
        if (db.hasTable("registered_model_tags")) {
            db.query("SELECT name AS c1, key AS c2, value AS c3 FROM registered_model_tags", rs -> modelTags
                    .computeIfAbsent(rs.getString("c1"), k -> new LinkedHashMap<>())
                    .put(rs.getString("c2"), nullToEmpty(rs.getString("c3"))));
        }
        Map<String, Map<String, String>> versionTags = new HashMap<>();
        if (db.hasTable("model_version_tags")) {
            db.query("SELECT name AS c1, version AS c2, key AS c3, value AS c4 FROM model_version_tags", rs -> versionTags
                    .computeIfAbsent(rs.getString("c1") + "\n" + rs.getLong("c2"), k -> new LinkedHashMap<>())
                    .put(rs.getString("c3"), nullToEmpty(rs.getString("c4"))));
        }
        Map<String, Map<String, Integer>> aliases = new HashMap<>();
        if (db.hasTable("registered_model_aliases")) {
            db.query("SELECT name AS c1, alias AS c2, version AS c3 FROM registered_model_aliases", rs -> aliases
                    .computeIfAbsent(rs.getString("c1"), k -> new LinkedHashMap<>())
                    .put(rs.getString("c2"), rs.getLong("c3").intValue()));
        }
        Map<String, List<ImportedModelVersion>> versions = new HashMap<>();
        db.query("SELECT name AS c1, version AS c2, " + col("model_versions", "creation_time") + " AS c3, "
                + col("model_versions", "last_updated_time") + " AS c4, " + col("model_versions", "description")
                + " AS c5, " + col("model_versions", "user_id") + " AS c6, " + col("model_versions", "current_stage")
                + " AS c7, " + col("model_versions", "source") + " AS c8, " + col("model_versions", "run_id")
                + " AS c9, " + col("model_versions", "status") + " AS c10 FROM model_versions ORDER BY name, version",
                rs -> {
                    String name = rs.getString("c1");
                    Long number = rs.getLong("c2");
                    if (number == null || number < 1) {
                        context.warn(file + ": model_versions: '" + name + "' has version " + number + "; skipped");
                        return;
                    }
                    String run = MlflowTags.blankToNull(rs.getString("c9"));
                    versions.computeIfAbsent(name, k -> new ArrayList<>()).add(new ImportedModelVersion(
                            number.intValue(), run == null ? null : run.toLowerCase(Locale.ROOT), rs.getString("c8"),
                            rs.getString("c10"), rs.getString("c7"), List.of(),
                            MlflowTags.blankToNull(rs.getString("c5")),
                            versionTags.getOrDefault(name + "\n" + number, Map.of()), rs.getLong("c3"),
                            rs.getLong("c4"), MlflowTags.blankToNull(rs.getString("c6"))));
                });
        List<ImportedModel> out = new ArrayList<>();
        db.query("SELECT name AS c1, " + col("registered_models", "creation_time") + " AS c2, "
                + col("registered_models", "description") + " AS c3 FROM registered_models ORDER BY name", rs -> {
                    String name = rs.getString("c1");
                    out.add(new ImportedModel(name, MlflowTags.blankToNull(rs.getString("c3")), rs.getLong("c2"),
                            modelTags.getOrDefault(name, Map.of()), aliases.getOrDefault(name, Map.of()),
                            versions.getOrDefault(name, List.of()), file.toAbsolutePath() + "#" + name));
                });
        return out;
    }

    private String col(String table, String column) {
        return db.columnOr(table, column, "NULL");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
