package dev.cairn.store.internal.drift;

import dev.cairn.store.drift.ColumnProfile;
import dev.cairn.store.drift.ColumnRole;
import dev.cairn.store.drift.ColumnType;
import dev.cairn.store.drift.DatasetKind;
import dev.cairn.store.drift.DatasetProfile;
import dev.cairn.store.drift.DatasetSample;
import dev.cairn.store.drift.DriftSettings;
import dev.cairn.store.drift.NumericProfile;
import dev.cairn.store.drift.ProfiledDataset;
import dev.cairn.store.drift.SampleColumn;
import dev.cairn.store.model.NotFoundException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL reads and writes of drift datasets, their columns and the drift settings. */
final class DriftTables {
    private static final String DATASET_COLUMNS = "id, version, kind, time_ms, row_count, sample_size, source, "
            + "perf_metric, perf_value";

    private DriftTables() {
    }

    static long modelId(Connection c, String model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM registered_models WHERE name = ? AND deleted_ms IS NULL")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("No registered model named '" + model + "'.");
                }
                return rs.getLong(1);
            }
        }
    }

    static void requireVersion(Connection c, String model, long modelId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM model_versions WHERE model_id = ? AND version = ? "
                + "AND deleted_ms IS NULL")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("Model '" + model + "' has no version " + version + ".");
                }
            }
        }
    }

    static Long datasetId(Connection c, long modelId, int version, DatasetKind kind, Long timeMs) throws SQLException {
        String sql = "SELECT id FROM drift_datasets WHERE model_id = ? AND version = ? AND kind = ?"
                + (timeMs == null ? "" : " AND time_ms = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            if (timeMs != null) {
                ps.setLong(4, timeMs);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static void deleteDataset(Connection c, long id) throws SQLException {
        MonitorTables.delete(c, id);
        for (String sql : new String[] {"DELETE FROM drift_columns WHERE dataset_id = ?",
            "DELETE FROM drift_datasets WHERE id = ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    static long insertDataset(Connection c, long modelId, int version, DatasetKind kind, Long timeMs, String source,
                              ProfiledDataset data, long nowMs) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drift_datasets(model_id, version, kind, time_ms, "
                + "row_count, sample_size, source, perf_metric, perf_value, created_ms) VALUES (?,?,?,?,?,?,?,?,?,?) "
                + "RETURNING id")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            setLong(ps, 4, timeMs);
            ps.setLong(5, data.rowCount());
            ps.setInt(6, data.sampleSize());
            ps.setString(7, source);
            ps.setString(8, data.performance().map(DatasetProfile.Performance::metric).orElse(null));
            setDouble(ps, 9, data.performance().map(DatasetProfile.Performance::value).orElse(null));
            ps.setLong(10, nowMs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drift_columns(dataset_id, ordinal, name, type, role, "
                + "present, missing, min_value, max_value, mean_value, std_value, quantiles, hist_edges, hist_counts, "
                + "value_counts, other_count, sample, dictionary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < data.columns().size(); i++) {
                ColumnProfile p = data.columns().get(i);
                SampleColumn s = data.samples().get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, p.name());
                ps.setString(4, p.type().label());
                ps.setString(5, p.role().label());
                ps.setLong(6, p.present());
                ps.setLong(7, p.missing());
                NumericProfile n = p.numeric();
                setDouble(ps, 8, n == null ? null : n.min());
                setDouble(ps, 9, n == null ? null : n.max());
                setDouble(ps, 10, n == null ? null : n.mean());
                setDouble(ps, 11, n == null ? null : n.std());
                ps.setBytes(12, n == null ? null : BlobCodec.doubles(n.quantiles()));
                ps.setBytes(13, n == null ? null : BlobCodec.doubles(n.histogramEdges()));
                ps.setBytes(14, n == null ? null : BlobCodec.longs(n.histogramCounts()));
                ps.setBytes(15, p.type().isNumeric() ? null : BlobCodec.counts(p.valueCounts()));
                ps.setLong(16, p.otherCount());
                if (s.numbers() != null) {
                    ps.setBytes(17, BlobCodec.doubles(s.numbers()));
                    ps.setBytes(18, null);
                } else {
                    BlobCodec.Coded coded = BlobCodec.code(s.labels());
                    ps.setBytes(17, coded.codes());
                    ps.setBytes(18, coded.dictionary());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (data.monitoring().isPresent()) {
            MonitorTables.insert(c, id, data.monitoring().get());
        }
        return id;
    }

    static List<DatasetProfile> datasets(Connection c, String model, long modelId, int version, DatasetKind kind)
            throws SQLException {
        List<DatasetProfile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DATASET_COLUMNS + " FROM drift_datasets "
                + "WHERE model_id = ? AND version = ? AND kind = ? ORDER BY time_ms, id")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapDataset(rs, model, List.of()));
                }
            }
        }
        return withColumns(out, columns(c, modelId, version, kind, null));
    }

    /**
     * The newest {@code limit} datasets of a kind at or before {@code upToMs} (null: the newest), oldest first, with
     * their column profiles; only those datasets' columns are read.
     */
    static List<DatasetProfile> datasets(Connection c, String model, long modelId, int version, DatasetKind kind,
                                         Long upToMs, int limit) throws SQLException {
        List<DatasetProfile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DATASET_COLUMNS + " FROM drift_datasets "
                + "WHERE model_id = ? AND version = ? AND kind = ? AND time_ms <= ? ORDER BY time_ms DESC, id DESC "
                + "LIMIT ?")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            ps.setLong(4, upToMs == null ? Long.MAX_VALUE : upToMs);
            ps.setInt(5, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(0, mapDataset(rs, model, List.of()));
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        return withColumns(out, columns(c, modelId, version, kind, out.stream().map(DatasetProfile::id).toList()));
    }

    /** Each column's most specific role ({@link ColumnRole#precedence()}) over the datasets of a kind. */
    static Map<String, ColumnRole> roles(Connection c, long modelId, int version, DatasetKind kind)
            throws SQLException {
        Map<String, ColumnRole> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT k.name, k.role FROM drift_columns k "
                + "JOIN drift_datasets d ON d.id = k.dataset_id WHERE d.model_id = ? AND d.version = ? AND d.kind = ?")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnRole role = ColumnRole.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT));
                    out.merge(rs.getString(1), role, (a, b) -> b.precedence() > a.precedence() ? b : a);
                }
            }
        }
        return out;
    }

    private static List<DatasetProfile> withColumns(List<DatasetProfile> out, Map<Long, List<ColumnProfile>> columns) {
        List<DatasetProfile> full = new ArrayList<>(out.size());
        for (DatasetProfile d : out) {
            full.add(new DatasetProfile(d.id(), d.model(), d.version(), d.kind(), d.time(), d.rowCount(), d.sampleSize(),
                    d.source(), d.performance(), List.copyOf(columns.getOrDefault(d.id(), List.of()))));
        }
        return full;
    }

    private static DatasetProfile mapDataset(ResultSet rs, String model, List<ColumnProfile> columns)
            throws SQLException {
        long time = rs.getLong(4);
        Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(time);
        String metric = rs.getString(8);
        double perf = rs.getDouble(9);
        Optional<DatasetProfile.Performance> performance = metric == null || rs.wasNull() ? Optional.empty()
                : Optional.of(new DatasetProfile.Performance(metric, perf));
        return new DatasetProfile(rs.getLong(1), model, rs.getInt(2), DatasetKind.parse(rs.getString(3)), at,
                rs.getLong(5), rs.getInt(6), rs.getString(7), performance, columns);
    }

    /** The column profiles of the datasets of a kind, or of those of {@code ids} only (null: all). */
    private static Map<Long, List<ColumnProfile>> columns(Connection c, long modelId, int version, DatasetKind kind,
                                                          List<Long> ids) throws SQLException {
        Map<Long, List<ColumnProfile>> out = new HashMap<>();
        String only = ids == null ? "" : " AND k.dataset_id IN (" + String.join(", ",
                java.util.Collections.nCopies(ids.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT k.dataset_id, k.name, k.type, k.role, k.present, "
                + "k.missing, k.min_value, k.max_value, k.mean_value, k.std_value, k.quantiles, k.hist_edges, "
                + "k.hist_counts, k.value_counts, k.other_count FROM drift_columns k JOIN drift_datasets d "
                + "ON d.id = k.dataset_id WHERE d.model_id = ? AND d.version = ? AND d.kind = ?" + only
                + " ORDER BY k.dataset_id, k.ordinal")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            ps.setString(3, kind.label());
            if (ids != null) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(4 + i, ids.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnType type = ColumnType.parse(rs.getString(3));
                    NumericProfile numeric = null;
                    byte[] quantiles = rs.getBytes(11);
                    if (quantiles != null) {
                        numeric = new NumericProfile(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                                rs.getDouble(10), BlobCodec.doubles(quantiles), BlobCodec.doubles(rs.getBytes(12)),
                                BlobCodec.longs(rs.getBytes(13)));
                    }
                    ColumnProfile p = new ColumnProfile(rs.getString(2), type,
                            ColumnRole.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getLong(5),
                            rs.getLong(6), numeric, BlobCodec.counts(rs.getBytes(14)), rs.getLong(15));
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(p);
                }
            }
        }
        return out;
    }

    static DatasetSample sample(Connection c, long datasetId) throws SQLException {
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT row_count FROM drift_datasets WHERE id = ?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("No drift dataset with id " + datasetId + ".");
                }
                rows = rs.getLong(1);
            }
        }
        List<SampleColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, role, sample, dictionary FROM drift_columns "
                + "WHERE dataset_id = ? ORDER BY ordinal")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnType type = ColumnType.parse(rs.getString(2));
                    ColumnRole role = ColumnRole.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT));
                    byte[] sample = rs.getBytes(4);
                    if (type.isNumeric()) {
                        columns.add(new SampleColumn(rs.getString(1), type, role, BlobCodec.doubles(sample), null));
                    } else {
                        columns.add(new SampleColumn(rs.getString(1), type, role, null,
                                BlobCodec.decode(sample, rs.getBytes(5))));
                    }
                }
            }
        }
        return new DatasetSample(datasetId, rows, columns);
    }

    static DriftSettings settings(Connection c, long modelId) throws SQLException {
        double share = DriftSettings.DEFAULT_SHARE;
        Map<String, DriftSettings.ColumnSetting> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, test_id, threshold, share FROM drift_settings "
                + "WHERE model_id = ? ORDER BY column_name")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (column.isEmpty()) {
                        double s = rs.getDouble(4);
                        share = rs.wasNull() ? share : s;
                    } else {
                        double t = rs.getDouble(3);
                        Double threshold = rs.wasNull() ? null : t;
                        columns.put(column, new DriftSettings.ColumnSetting(rs.getString(2), threshold));
                    }
                }
            }
        }
        return new DriftSettings(share, columns);
    }

    static void upsertSetting(Connection c, long modelId, String column, String testId, Double threshold, Double share)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drift_settings(model_id, column_name, test_id, "
                + "threshold, share) VALUES (?,?,?,?,?) ON CONFLICT(model_id, column_name) DO UPDATE SET "
                + "test_id = excluded.test_id, threshold = excluded.threshold, share = excluded.share")) {
            ps.setLong(1, modelId);
            ps.setString(2, column);
            ps.setString(3, testId);
            setDouble(ps, 4, threshold);
            setDouble(ps, 5, share);
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }
}
