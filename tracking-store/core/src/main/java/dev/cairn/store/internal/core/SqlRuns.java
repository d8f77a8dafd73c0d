package dev.cairn.store.internal.core;

import dev.cairn.store.Runs;
import dev.cairn.store.internal.series.SqlDoubles;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.internal.sql.KeyCatalog;
import dev.cairn.store.internal.sql.RunRowMapper;
import dev.cairn.store.internal.sql.Tx;
import dev.cairn.store.internal.sql.UncheckedSqlException;
import dev.cairn.store.model.Artifact;
import dev.cairn.store.model.DatasetInput;
import dev.cairn.store.model.Lifecycle;
import dev.cairn.store.model.MetricSummary;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.model.NotFoundException;
import dev.cairn.store.model.ParamValue;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.Run;
import dev.cairn.store.model.RunDetails;
import dev.cairn.store.model.RunStatus;
import dev.cairn.store.model.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Runs of a store: create, read, change attributes, params, tags, inputs, artifacts, provenance. */
public final class SqlRuns implements Runs {
    private static final int BULK = 500;

    private final Database db;
    private final SqlExperiments experiments;
    private final KeyCatalog keys;
    private final Map<String, Long> committedSeqs = new ConcurrentHashMap<>();

    SqlRuns(Database db, SqlExperiments experiments, KeyCatalog keys) {
        this.db = db;
        this.experiments = experiments;
        this.keys = keys;
    }

    /** Creates a run (and its experiment when missing). */
    public Run create(NewRun spec) {
        String id = db.write(tx -> {
            long seq = create(tx, spec);
            return idOfSeq(tx.connection(), seq);
        });
        return get(id).orElseThrow();
    }

    /** Creates a run inside an open write transaction; returns its internal sequence number. */
    public long create(Tx tx, NewRun spec) {
        return UncheckedSqlException.unchecked(() -> create0(tx, spec));
    }

    private long create0(Tx tx, NewRun spec) throws SQLException {
        String id = spec.id() == null ? Runs.newId() : spec.id().toLowerCase(java.util.Locale.ROOT);
        if (!Runs.isValidId(id)) {
            throw new IllegalArgumentException("A run id must be 32 hex characters, was '" + spec.id() + "'.");
        }
        Connection c = tx.connection();
        if (seqOrNull(c, id) != null) {
            throw new StoreException("A run with id " + id + " already exists.");
        }
        long experimentId = experiments.idFor(tx, spec.experiment());
        Long parentSeq = spec.parentId() == null ? null : requireSeq(c, spec.parentId());
        long seq;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(id, experiment_id, name, status, start_ms, "
                + "end_ms, user_name, parent_seq, source_program, source_commit, artifact_uri) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING seq")) {
            ps.setString(1, id);
            ps.setLong(2, experimentId);
            ps.setString(3, spec.name());
            ps.setString(4, spec.status().name());
            setNullableLong(ps, 5, spec.startMs());
            setNullableLong(ps, 6, spec.endMs());
            ps.setString(7, spec.user());
            setNullableLong(ps, 8, parentSeq);
            ps.setString(9, spec.sourceProgram());
            ps.setString(10, spec.sourceCommit());
            ps.setString(11, spec.artifactUri());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        Provenance p = spec.provenance() != null ? spec.provenance() : Provenance.here("cairn-api", null, null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO provenance(run_seq, writer, writer_version, host, "
                + "os, java_version, source_ref, recorded_ms) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setString(2, p.writer());
            ps.setString(3, p.writerVersion());
            ps.setString(4, p.host());
            ps.setString(5, p.os());
            ps.setString(6, p.javaVersion());
            ps.setString(7, p.sourceRef());
            ps.setLong(8, p.recordedMs());
            ps.executeUpdate();
        }
        tx.touchRun(seq);
        return seq;
    }

    public Optional<Run> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRowMapper.COLUMNS + RunRowMapper.FROM
                    + " WHERE r.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RunRowMapper.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The run, or a {@link NotFoundException} naming the id. */
    public Run require(String id) {
        return get(id).orElseThrow(() -> new NotFoundException("No run with id '" + id + "'."));
    }

    /** Direct children of a run, oldest first. */
    public List<Run> children(String id) {
        return db.read(c -> {
            long seq = requireSeq(c, id);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRowMapper.COLUMNS + RunRowMapper.FROM
                    + " WHERE r.parent_seq = ? ORDER BY r.start_ms, r.seq")) {
                ps.setLong(1, seq);
                List<Run> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RunRowMapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Sets the status; a terminal status also sets the end time (now when {@code endMs} is null). */
    public void setStatus(String id, RunStatus status, Long endMs) {
        Long end = endMs != null ? endMs : status.isTerminal() ? Long.valueOf(System.currentTimeMillis()) : null;
        update(id, "UPDATE runs SET status = ?, end_ms = ? WHERE seq = ?", ps -> {
            ps.setString(1, status.name());
            setNullableLong(ps, 2, end);
        });
    }

    public void rename(String id, String name) {
        update(id, "UPDATE runs SET name = ? WHERE seq = ?", ps -> ps.setString(1, name));
    }

    public void setNote(String id, String note) {
        update(id, "UPDATE runs SET note = ? WHERE seq = ?", ps -> ps.setString(1, note));
    }

    /** Soft-deletes a run (kept, hidden by default, restorable). */
    public void delete(String id) {
        setLifecycle(id, Lifecycle.DELETED, null);
    }

    public void restore(String id) {
        setLifecycle(id, Lifecycle.ACTIVE, null);
    }

    /**
     * Sets the lifecycle; a deleted run records {@code deletedMs} (now when null), e.g. the source's deletion time
     * on import.
     */
    public void setLifecycle(String id, Lifecycle lifecycle, Long deletedMs) {
        Long when = lifecycle == Lifecycle.DELETED ? (deletedMs != null ? deletedMs : System.currentTimeMillis()) : null;
        update(id, "UPDATE runs SET lifecycle = ?, deleted_ms = ? WHERE seq = ?", ps -> {
            ps.setString(1, lifecycle.label());
            setNullableLong(ps, 2, when);
        });
    }

    /** Sets start and end time (epoch ms; null = unknown). */
    public void setTimes(String id, Long startMs, Long endMs) {
        update(id, "UPDATE runs SET start_ms = ?, end_ms = ? WHERE seq = ?", ps -> {
            setNullableLong(ps, 1, startMs);
            setNullableLong(ps, 2, endMs);
        });
    }

    /** Makes {@code parentId} (null: none) the run's parent; refuses a link that would make a cycle. */
    public void setParent(String id, String parentId) {
        db.writeVoid(tx -> {
            Connection c = tx.connection();
            long seq = requireSeq(c, id);
            Long parentSeq = parentId == null ? null : requireSeq(c, parentId);
            for (Long walk = parentSeq; walk != null; walk = parentOf(c, walk)) {
                if (walk == seq) {
                    throw new IllegalArgumentException("Run " + parentId + " is " + id
                            + " or one of its descendants, so it cannot be its parent.");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET parent_seq = ? WHERE seq = ?")) {
                setNullableLong(ps, 1, parentSeq);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            tx.touchRun(seq);
        });
    }

    private static Long parentOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_seq FROM runs WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? RunRowMapper.nullableLong(rs, 1) : null;
            }
        }
    }

    public void setTag(String id, String key, String value) {
        setTags(id, Map.of(key, value));
    }

    public void setTags(String id, Map<String, String> tags) {
        db.writeVoid(tx -> setTags(tx, requireSeq(tx.connection(), id), tags));
    }

    /** Sets tags inside an open write transaction. */
    public void setTags(Tx tx, long seq, Map<String, String> tags) {
        UncheckedSqlException.uncheckedRun(() -> setTags0(tx, seq, tags));
    }

    private void setTags0(Tx tx, long seq, Map<String, String> tags) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO run_tags VALUES (?,?,?) "
                + "ON CONFLICT(run_seq, key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> e : tags.entrySet()) {
                dev.cairn.store.model.Keys.requireValid("tag", e.getKey());
                ps.setLong(1, seq);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        tx.touchRun(seq);
    }

    public void removeTag(String id, String key) {
        update(id, "DELETE FROM run_tags WHERE key = ? AND run_seq = ?", ps -> ps.setString(1, key));
    }

    public void logParam(String id, String key, Object value) {
        logParams(id, Map.of(key, String.valueOf(value)));
    }

    public void logParams(String id, Map<String, String> params) {
        db.writeVoid(tx -> logParams(tx, requireSeq(tx.connection(), id), params));
    }

    /** Logs params inside an open write transaction; a param logged again takes the new value. */
    public void logParams(Tx tx, long seq, Map<String, String> params) {
        UncheckedSqlException.uncheckedRun(() -> logParams0(tx, seq, params));
    }

    private void logParams0(Tx tx, long seq, Map<String, String> params) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO params VALUES (?,?,?,?) "
                + "ON CONFLICT(run_seq, key_id) DO UPDATE SET value = excluded.value, num = excluded.num")) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                dev.cairn.store.model.Keys.requireValid("param", e.getKey());
                ps.setLong(1, seq);
                ps.setLong(2, keys.idFor(tx, e.getKey()));
                String value = e.getValue() == null ? "" : e.getValue();
                ps.setString(3, value);
                Double num = ParamValue.parseNumber(value);
                SqlDoubles.set(ps, 4, num == null ? Double.NaN : num);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        tx.touchRun(seq);
    }

    public Map<String, String> params(String id) {
        return details(List.of(id)).get(id).params();
    }

    public Map<String, String> tags(String id) {
        return details(List.of(id)).get(id).tags();
    }

    public void addInputs(String id, List<DatasetInput> inputs) {
        db.writeVoid(tx -> addInputs(tx, requireSeq(tx.connection(), id), inputs));
    }

    public void addInputs(Tx tx, long seq, List<DatasetInput> inputs) {
        UncheckedSqlException.uncheckedRun(() -> addInputs0(tx, seq, inputs));
    }

    private void addInputs0(Tx tx, long seq, List<DatasetInput> inputs) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO dataset_inputs VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(run_seq, name, digest) DO UPDATE SET source = excluded.source, "
                + "schema = excluded.schema, context = excluded.context")) {
            for (DatasetInput in : inputs) {
                ps.setLong(1, seq);
                ps.setString(2, in.name());
                ps.setString(3, in.digest() == null ? "" : in.digest());
                ps.setString(4, in.source());
                ps.setString(5, in.schema());
                ps.setString(6, in.context());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        tx.touchRun(seq);
    }

    public List<DatasetInput> inputs(String id) {
        return db.read(c -> {
            long seq = requireSeq(c, id);
            try (PreparedStatement ps = c.prepareStatement("SELECT name, digest, source, schema, context "
                    + "FROM dataset_inputs WHERE run_seq = ? ORDER BY name")) {
                ps.setLong(1, seq);
                List<DatasetInput> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DatasetInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    public Map<String, List<DatasetInput>> inputs(Collection<String> ids) {
        return db.read(c -> {
            Map<String, List<DatasetInput>> out = new LinkedHashMap<>();
            List<String> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += BULK) {
                List<String> part = all.subList(from, Math.min(all.size(), from + BULK));
                String in = "(" + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")";
                try (PreparedStatement ps = c.prepareStatement("SELECT r.id, d.name, d.digest, d.source, d.schema, "
                        + "d.context FROM runs r JOIN dataset_inputs d ON d.run_seq = r.seq WHERE r.id IN " + in
                        + " ORDER BY r.seq, d.name")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DatasetInput(
                                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Replaces the run's artifact root and file list. */
    public void setArtifacts(String id, String rootUri, List<Artifact> files) {
        db.writeVoid(tx -> setArtifacts(tx, requireSeq(tx.connection(), id), rootUri, files));
    }

    public void setArtifacts(Tx tx, long seq, String rootUri, List<Artifact> files) {
        UncheckedSqlException.uncheckedRun(() -> setArtifacts0(tx, seq, rootUri, files));
    }

    private void setArtifacts0(Tx tx, long seq, String rootUri, List<Artifact> files) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET artifact_uri = ? WHERE seq = ?")) {
            ps.setString(1, rootUri);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM artifacts WHERE run_seq = ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts VALUES (?,?,?) "
                + "ON CONFLICT(run_seq, path) DO UPDATE SET size = excluded.size")) {
            for (Artifact a : files) {
                ps.setLong(1, seq);
                ps.setString(2, a.path());
                setNullableLong(ps, 3, a.size());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        tx.touchRun(seq);
    }

    public List<Artifact> artifacts(String id) {
        return db.read(c -> {
            long seq = requireSeq(c, id);
            try (PreparedStatement ps = c.prepareStatement("SELECT path, size FROM artifacts WHERE run_seq = ? "
                    + "ORDER BY path")) {
                ps.setLong(1, seq);
                List<Artifact> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Artifact(rs.getString(1), RunRowMapper.nullableLong(rs, 2)));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Provenance> provenance(String id) {
        return db.read(c -> {
            long seq = requireSeq(c, id);
            try (PreparedStatement ps = c.prepareStatement("SELECT writer, writer_version, host, os, java_version, "
                    + "source_ref, recorded_ms FROM provenance WHERE run_seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Provenance(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Params, tags and metric summaries of many runs, read in a few bulk queries (never one query per run).
     * Unknown ids are left out of the result; the result keeps the order of {@code ids}.
     */
    public Map<String, RunDetails> details(Collection<String> ids) {
        return db.stoppableRead(c -> {
            Map<String, RunDetails> out = new LinkedHashMap<>();
            List<String> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += BULK) {
                List<String> part = all.subList(from, Math.min(all.size(), from + BULK));
                readDetails(c, part, out);
            }
            return out;
        });
    }

    private void readDetails(Connection c, List<String> ids, Map<String, RunDetails> out) throws SQLException {
        String in = "(" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, Run> runs = new LinkedHashMap<>();
        Map<String, Long> seqById = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.seq, " + RunRowMapper.COLUMNS.replace("r.id,",
                "r.id AS id,") + RunRowMapper.FROM_NOT_BY_EXPERIMENT + " WHERE r.id IN " + in)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    Run run = mapShifted(rs);
                    runs.put(seq, run);
                    seqById.put(run.id(), seq);
                }
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        String seqIn = "(" + String.join(",", runs.keySet().stream().map(String::valueOf).toList()) + ")";
        Map<Long, Map<String, String>> params = new java.util.HashMap<>();
        // key ids, not names: a page repeats the same few names on every run, decoding them per row was a third
        // of the time; the names come from the catalog's cache
        boolean inTx = db.inTransaction();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_seq, key_id, value FROM params WHERE run_seq IN "
                + seqIn); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                params.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(keys.name(c, rs.getLong(2), inTx),
                        rs.getString(3));
            }
        }
        Map<Long, Map<String, String>> tags = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_seq, key, value FROM run_tags WHERE run_seq IN "
                + seqIn); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        Map<Long, Map<String, MetricSummary>> metrics = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_seq, key_id, last, min, max, count, last_step, "
                + "last_ts FROM metric_summaries WHERE run_seq IN " + seqIn); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = keys.name(c, rs.getLong(2), inTx);
                metrics.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(key, new MetricSummary(key,
                        SqlDoubles.get(rs, 3), SqlDoubles.get(rs, 4), SqlDoubles.get(rs, 5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)));
            }
        }
        for (String id : ids) {
            Long seq = seqById.get(id);
            if (seq == null) {
                continue;
            }
            out.put(id, new RunDetails(runs.get(seq), params.getOrDefault(seq, Map.of()),
                    tags.getOrDefault(seq, Map.of()), metrics.getOrDefault(seq, Map.of())));
        }
    }

    private static Run mapShifted(ResultSet rs) throws SQLException {
        return new Run(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                RunStatus.valueOf(rs.getString(6)), RunRowMapper.nullableLong(rs, 7),
                RunRowMapper.nullableLong(rs, 8), rs.getString(9), rs.getString(10),
                Lifecycle.fromLabel(rs.getString(11)), RunRowMapper.nullableLong(rs, 12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17));
    }

    /** The internal sequence number of run {@code id} inside a write transaction, or a {@link NotFoundException}. */
    public long requireSeq(Tx tx, String id) {
        return UncheckedSqlException.unchecked(() -> requireSeq(tx.connection(), id));
    }

    /** The internal sequence number of run {@code id} inside a write transaction, or null. */
    public Long seqOrNull(Tx tx, String id) {
        return UncheckedSqlException.unchecked(() -> seqOrNull(tx.connection(), id));
    }

    /** The internal sequence number of run {@code id}, or a {@link NotFoundException}. */
    public long requireSeq(Connection c, String id) throws SQLException {
        Long seq = seqOrNull(c, id);
        if (seq == null) {
            throw new NotFoundException("No run with id '" + id + "'.");
        }
        return seq;
    }

    /** The internal sequence number of run {@code id}, or null. Runs are never removed, so ids are cached. */
    public Long seqOrNull(Connection c, String id) throws SQLException {
        Long cached = committedSeqs.get(id);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM runs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long seq = rs.getLong(1);
                if (!db.inTransaction()) {
                    committedSeqs.put(id, seq);
                }
                return seq;
            }
        }
    }

    /** The run id of internal sequence number {@code seq}, inside an open write transaction. */
    public String idOf(Tx tx, long seq) {
        return UncheckedSqlException.unchecked(() -> idOf0(tx, seq));
    }

    private String idOf0(Tx tx, long seq) throws SQLException {
        return idOfSeq(tx.connection(), seq);
    }

    private static String idOfSeq(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs an UPDATE whose last parameter is the run's seq. */
    private void update(String id, String sql, Binder binder) {
        db.writeVoid(tx -> {
            long seq = requireSeq(tx.connection(), id);
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                binder.bind(ps);
                ps.setLong(ps.getParameterMetaData().getParameterCount(), seq);
                ps.executeUpdate();
            }
            tx.touchRun(seq);
        });
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
