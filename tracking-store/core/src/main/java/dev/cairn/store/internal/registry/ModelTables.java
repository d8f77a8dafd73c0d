package dev.cairn.store.internal.registry;

import dev.cairn.store.internal.sql.SqlDialect;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.registry.ModelState;
import dev.cairn.store.registry.ModelVersion;
import dev.cairn.store.registry.NewModelVersion;
import dev.cairn.store.registry.PromotionRule;
import dev.cairn.store.registry.RegisteredModel;
import dev.cairn.store.registry.Stage;
import dev.cairn.store.registry.VersionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SQL reads and writes of models, versions, tags and aliases (not the history: see {@link EventLog}). */
final class ModelTables {
    /** Keeps {@code updated_ms} from going back in time (a scalar max spelled the same in SQLite and PostgreSQL). */
    private static final String GREATEST_UPDATED = "CASE WHEN updated_ms > ? THEN updated_ms ELSE ? END";
    private static final String MODEL_COLUMNS = "m.id, m.name, m.description, m.created_ms, m.updated_ms, "
            + "m.rule_metric, m.rule_goal";
    private static final String VERSION_COLUMNS = "m.name, v.version, r.id, v.source, v.status, v.description, "
            + "v.created_ms, v.updated_ms, v.user_name, v.stage, v.model_id";

    private ModelTables() {
    }

    static List<RegisteredModel> models(Connection c, SqlDialect dialect, String nameContains) throws SQLException {
        String where = " WHERE m.deleted_ms IS NULL" + (nameContains == null || nameContains.isBlank() ? ""
                : " AND " + dialect.positionOf("lower(?)", "lower(m.name)") + " > 0");
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MODEL_COLUMNS + " FROM registered_models m"
                + where + " ORDER BY lower(m.name)")) {
            if (nameContains != null && !nameContains.isBlank()) {
                ps.setString(1, nameContains.strip());
            }
            List<RegisteredModel> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapModel(c, rs));
                }
            }
            return out;
        }
    }

    static RegisteredModel modelOrNull(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MODEL_COLUMNS
                + " FROM registered_models m WHERE m.name = ? AND m.deleted_ms IS NULL")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapModel(c, rs) : null;
            }
        }
    }

    static RegisteredModel requireModel(Connection c, String name) throws SQLException {
        RegisteredModel m = modelOrNull(c, name);
        if (m == null) {
            throw new NotFoundException("No registered model named '" + name + "'.");
        }
        return m;
    }

    static long insertModel(Connection c, String name, String description, long nowMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO registered_models(name, description, "
                + "created_ms, updated_ms) VALUES (?,?,?,?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, description);
            ps.setLong(3, nowMs);
            ps.setLong(4, nowMs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void touchModel(Connection c, long modelId, long nowMs) throws SQLException {
        update(c, "UPDATE registered_models SET updated_ms = " + GREATEST_UPDATED + " WHERE id = ?", nowMs, nowMs, modelId);
    }

    static void setModelDescription(Connection c, long modelId, String description) throws SQLException {
        update(c, "UPDATE registered_models SET description = ? WHERE id = ?", description, modelId);
    }

    static void renameModel(Connection c, long modelId, String name) throws SQLException {
        update(c, "UPDATE registered_models SET name = ? WHERE id = ?", name, modelId);
    }

    static void setRule(Connection c, long modelId, PromotionRule rule) throws SQLException {
        update(c, "UPDATE registered_models SET rule_metric = ?, rule_goal = ? WHERE id = ?",
                rule == null ? null : rule.metric(), rule == null ? null : rule.goal().label(), modelId);
    }

    static void setModelTag(Connection c, long modelId, String key, String value) throws SQLException {
        if (value == null) {
            update(c, "DELETE FROM registered_model_tags WHERE model_id = ? AND key = ?", modelId, key);
        } else {
            update(c, "INSERT INTO registered_model_tags VALUES (?,?,?) ON CONFLICT(model_id, key) "
                    + "DO UPDATE SET value = excluded.value", modelId, key, value);
        }
    }

    /**
     * Marks a model deleted: its name goes to {@code deleted_name} and the row takes a tombstone name no valid model
     * name can be (it starts with a control character), so the name is free; its versions are marked deleted and its
     * aliases removed. The row stays: the history refers to it.
     */
    static void deleteModel(Connection c, long modelId, String name, long nowMs) throws SQLException {
        update(c, "DELETE FROM model_aliases WHERE model_id = ?", modelId);
        update(c, "UPDATE model_versions SET deleted_ms = ? WHERE model_id = ? AND deleted_ms IS NULL", nowMs, modelId);
        update(c, "UPDATE registered_models SET deleted_ms = ?, deleted_name = ?, name = ? WHERE id = ?", nowMs, name,
                "\u0001deleted:" + modelId, modelId);
    }

    /** Marks a version deleted (its aliases must be removed first). */
    static void deleteVersion(Connection c, long modelId, int version, long nowMs) throws SQLException {
        update(c, "UPDATE model_versions SET deleted_ms = ? WHERE model_id = ? AND version = ?", nowMs, modelId,
                version);
    }

    /** Whether the version number was ever used, deleted or not. */
    static boolean versionNumberUsed(Connection c, long modelId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM model_versions WHERE model_id = ? AND version = ?")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The next version number: deleted versions count, so a number is never given twice. */
    static int nextVersion(Connection c, long modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE model_id = ?")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void insertVersion(Connection c, long modelId, int version, Long runSeq, String source,
                              NewModelVersion spec, String user, long nowMs) throws SQLException {
        update(c, "INSERT INTO model_versions(model_id, version, run_seq, source, status, description, created_ms, "
                + "updated_ms, user_name, stage) VALUES (?,?,?,?,?,?,?,?,?,?)", modelId, version, runSeq, source,
                spec.status().name(), spec.description(), nowMs, nowMs, user, Stage.NONE.label());
        for (Map.Entry<String, String> e : spec.tags().entrySet()) {
            setVersionTag(c, modelId, version, e.getKey(), e.getValue());
        }
    }

    /** Sets the creation and update times of a version (imports keep the source's times). */
    static void setVersionTimes(Connection c, long modelId, int version, long createdMs, long updatedMs)
            throws SQLException {
        update(c, "UPDATE model_versions SET created_ms = ?, updated_ms = ? WHERE model_id = ? AND version = ?",
                createdMs, updatedMs, modelId, version);
    }

    static void setStage(Connection c, long modelId, int version, Stage stage, long nowMs) throws SQLException {
        update(c, "UPDATE model_versions SET stage = ?, updated_ms = " + GREATEST_UPDATED + " "
                + "WHERE model_id = ? AND version = ?", stage.label(), nowMs, nowMs, modelId, version);
    }

    static void setVersionDescription(Connection c, long modelId, int version, String description)
            throws SQLException {
        update(c, "UPDATE model_versions SET description = ? WHERE model_id = ? AND version = ?", description,
                modelId, version);
    }

    static void setVersionStatus(Connection c, long modelId, int version, VersionStatus status) throws SQLException {
        update(c, "UPDATE model_versions SET status = ? WHERE model_id = ? AND version = ?", status.name(),
                modelId, version);
    }

    static void setVersionTag(Connection c, long modelId, int version, String key, String value)
            throws SQLException {
        if (value == null) {
            update(c, "DELETE FROM model_version_tags WHERE model_id = ? AND version = ? AND key = ?", modelId,
                    version, key);
        } else {
            update(c, "INSERT INTO model_version_tags VALUES (?,?,?,?) ON CONFLICT(model_id, version, key) "
                    + "DO UPDATE SET value = excluded.value", modelId, version, key, value);
        }
    }

    static void setAlias(Connection c, long modelId, String alias, Integer version) throws SQLException {
        if (version == null) {
            update(c, "DELETE FROM model_aliases WHERE model_id = ? AND alias = ?", modelId, alias);
        } else {
            update(c, "INSERT INTO model_aliases VALUES (?,?,?) ON CONFLICT(model_id, alias) "
                    + "DO UPDATE SET version = excluded.version", modelId, alias, version);
        }
    }

    /** Versions of a model, ascending; {@code onlyVersion} null for all. */
    static List<ModelVersion> versions(Connection c, long modelId, Integer onlyVersion) throws SQLException {
        String sql = "SELECT " + VERSION_COLUMNS + " FROM model_versions v JOIN registered_models m "
                + "ON m.id = v.model_id LEFT JOIN runs r ON r.seq = v.run_seq WHERE v.model_id = ? AND v.deleted_ms IS NULL"
                + (onlyVersion == null ? "" : " AND v.version = ?") + " ORDER BY v.version";
        Map<Integer, Map<String, String>> tags = versionTags(c, modelId);
        Map<Integer, List<String>> aliases = new HashMap<>();
        aliases(c, modelId).forEach((a, v) -> aliases.computeIfAbsent(v, k -> new ArrayList<>()).add(a));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, modelId);
            if (onlyVersion != null) {
                ps.setInt(2, onlyVersion);
            }
            List<ModelVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(2);
                    out.add(new ModelVersion(rs.getString(1), v, rs.getString(3), rs.getString(4),
                            VersionStatus.valueOf(rs.getString(5)), rs.getString(6),
                            tags.getOrDefault(v, Map.of()), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            Stage.parse(rs.getString(10)), List.copyOf(aliases.getOrDefault(v, List.of()))));
                }
            }
            return out;
        }
    }

    /** The run seq of a version's source run, or null. */
    static Long runSeq(Connection c, long modelId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT run_seq FROM model_versions WHERE model_id = ? AND version = ?")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long seq = rs.getLong(1);
                return rs.wasNull() ? null : seq;
            }
        }
    }

    /** Aliases of a model, sorted by name. */
    static Map<String, Integer> aliases(Connection c, long modelId) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT alias, version FROM model_aliases WHERE model_id = ?")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** The stages and aliases of a model now. */
    static ModelState state(Connection c, RegisteredModel model) throws SQLException {
        Map<Integer, Stage> stages = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, stage FROM model_versions WHERE model_id = ? AND deleted_ms IS NULL")) {
            ps.setLong(1, model.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stages.put(rs.getInt(1), Stage.parse(rs.getString(2)));
                }
            }
        }
        return new ModelState(model.id(), model.name(), model.rule(), new TreeMap<>(stages),
                new TreeMap<>(aliases(c, model.id())));
    }

    private static Map<Integer, Map<String, String>> versionTags(Connection c, long modelId) throws SQLException {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, key, value FROM model_version_tags WHERE model_id = ? ORDER BY key")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
        }
        return out;
    }

    private static RegisteredModel mapModel(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String metric = rs.getString(6);
        PromotionRule rule = metric == null ? null : new PromotionRule(metric, PromotionRule.Goal.parse(rs.getString(7)));
        Map<String, String> tags = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key, value FROM registered_model_tags WHERE model_id = ? ORDER BY key")) {
            ps.setLong(1, id);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    tags.put(t.getString(1), t.getString(2));
                }
            }
        }
        return new RegisteredModel(id, rs.getString(2), rs.getString(3), java.util.Collections.unmodifiableMap(tags), rs.getLong(4),
                rs.getLong(5), rule);
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
            ps.executeUpdate();
        }
    }
}
