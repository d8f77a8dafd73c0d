package dev.cairn.store.internal.core;

import dev.cairn.store.Experiments;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.Tx;
import dev.cairn.store.model.Experiment;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiments of a store: create, find, list with run counts, tag, soft-delete and restore. */
public final class SqlExperiments implements Experiments {
    private static final String COLUMNS = "e.id, e.name, e.description, e.created_ms, e.lifecycle, e.deleted_ms, "
            + "(SELECT count(*) FROM runs r WHERE r.experiment_id = e.id AND r.lifecycle = 'active')";
    private final Database db;

    SqlExperiments(Database db) {
        this.db = db;
    }

    /** Creates an experiment; fails when the name is taken. */
    public Experiment create(String name, String description) {
        String clean = validName(name);
        long id = db.write(tx -> {
            if (idOf(tx.connection(), clean) != null) {
                throw new StoreException("An experiment named '" + clean + "' already exists.");
            }
            return insert(tx, clean, description);
        });
        return byId(id).orElseThrow();
    }

    /** The experiment named {@code name}, created when missing (restored when it was deleted? no: left as is). */
    public Experiment getOrCreate(String name) {
        String clean = validName(name);
        long id = db.write(tx -> idFor(tx, clean));
        return byId(id).orElseThrow();
    }

    /** The id of experiment {@code name} inside a write transaction, created when missing. */
    long idFor(Tx tx, String name) throws SQLException {
        Long id = idOf(tx.connection(), name);
        return id != null ? id : insert(tx, validName(name), null);
    }

    public Optional<Experiment> byName(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments e WHERE e.name = ?")) {
                ps.setString(1, name);
                return one(c, ps);
            }
        });
    }

    public Optional<Experiment> byId(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments e WHERE e.id = ?")) {
                ps.setLong(1, id);
                return one(c, ps);
            }
        });
    }

    /** Experiments by name; deleted ones only when asked. */
    public List<Experiment> list(boolean includeDeleted) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM experiments e"
                    + (includeDeleted ? "" : " WHERE e.lifecycle = 'active'") + " ORDER BY " + db.dialect().orderNoCase("e.name");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return many(c, ps);
            }
        });
    }

    public void setTag(String experiment, String key, String value) {
        db.writeVoid(tx -> {
            long id = require(tx.connection(), experiment);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO experiment_tags VALUES (?,?,?) "
                    + "ON CONFLICT(experiment_id, key) DO UPDATE SET value = excluded.value")) {
                ps.setLong(1, id);
                ps.setString(2, key);
                ps.setString(3, value);
                ps.executeUpdate();
            }
        });
    }

    public void rename(String experiment, String newName) {
        String clean = validName(newName);
        db.writeVoid(tx -> {
            long id = require(tx.connection(), experiment);
            Long taken = idOf(tx.connection(), clean);
            if (taken != null && taken != id) {
                throw new StoreException("An experiment named '" + clean + "' already exists.");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE experiments SET name = ? WHERE id = ?")) {
                ps.setString(1, clean);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        });
    }

    public void setDescription(String experiment, String description) {
        db.writeVoid(tx -> {
            long id = require(tx.connection(), experiment);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE experiments SET description = ? WHERE id = ?")) {
                ps.setString(1, description);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        });
    }

    /** Soft-deletes an experiment; its runs stay as they are but are hidden with it. */
    public void delete(String experiment) {
        setLifecycle(experiment, Lifecycle.DELETED);
    }

    public void restore(String experiment) {
        setLifecycle(experiment, Lifecycle.ACTIVE);
    }

    private void setLifecycle(String experiment, Lifecycle lifecycle) {
        db.writeVoid(tx -> {
            long id = require(tx.connection(), experiment);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE experiments SET lifecycle = ?, deleted_ms = ? WHERE id = ?")) {
                ps.setString(1, lifecycle.label());
                if (lifecycle == Lifecycle.DELETED) {
                    ps.setLong(2, System.currentTimeMillis());
                } else {
                    ps.setNull(2, java.sql.Types.BIGINT);
                }
                ps.setLong(3, id);
                ps.executeUpdate();
            }
        });
    }

    static long require(Connection c, String name) throws SQLException {
        Long id = idOf(c, name);
        if (id == null) {
            throw new NotFoundException("No experiment named '" + name + "'.");
        }
        return id;
    }

    static Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM experiments WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insert(Tx tx, String name, String description) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO experiments(name, description, created_ms) VALUES (?,?,?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, description);
            ps.setLong(3, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An experiment needs a name.");
        }
        return name.strip();
    }

    private static Optional<Experiment> one(Connection c, PreparedStatement ps) throws SQLException {
        List<Experiment> list = many(c, ps);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static List<Experiment> many(Connection c, PreparedStatement ps) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long deleted = rs.getLong(6);
                Long deletedMs = rs.wasNull() ? null : deleted;
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    Lifecycle.fromLabel(rs.getString(5)), deletedMs, rs.getLong(7)});
            }
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement tp = c.prepareStatement("SELECT experiment_id, key, value FROM experiment_tags");
             ResultSet rs = tp.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        List<Experiment> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            out.add(new Experiment(id, (String) r[1], (String) r[2], (Long) r[3], (Lifecycle) r[4], (Long) r[5],
                    tags.getOrDefault(id, Map.of()), (Long) r[6]));
        }
        return out;
    }
}
