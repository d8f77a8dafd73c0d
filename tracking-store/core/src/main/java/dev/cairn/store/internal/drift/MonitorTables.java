package dev.cairn.store.internal.drift;

import dev.cairn.store.internal.sql.UncheckedSqlException;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.ConfusionMatrix;
import dev.cairn.store.monitoring.PairedTest;
import dev.cairn.store.monitoring.PredictorPerformance;
import dev.cairn.store.monitoring.SliceMetrics;
import dev.cairn.store.monitoring.Task;

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
import java.util.TreeSet;

/** Reads and writes the performance of datasets (schema v5 monitor_* tables). */
final class MonitorTables {
    private MonitorTables() {
    }

    static void insert(Connection c, long datasetId, BatchPerformance performance) throws SQLException {
        try (PreparedStatement predictor = c.prepareStatement("INSERT INTO monitor_predictors(dataset_id, ordinal, "
                + "version, column_name, task, positive) VALUES (?,?,?,?,?,?) RETURNING id");
             PreparedStatement slice = c.prepareStatement("INSERT INTO monitor_slices(predictor_id, segment, "
                     + "slice_value, row_count, labelled, positive_rate) VALUES (?,?,?,?,?,?)");
             PreparedStatement metric = c.prepareStatement("INSERT INTO monitor_metrics(predictor_id, segment, "
                     + "slice_value, ordinal, metric, value) VALUES (?,?,?,?,?,?)");
             PreparedStatement confusion = c.prepareStatement("INSERT INTO monitor_confusion(predictor_id, actual, "
                     + "predicted, count) VALUES (?,?,?,?)")) {
            int ordinal = 0;
            for (PredictorPerformance p : performance.predictors()) {
                predictor.setLong(1, datasetId);
                predictor.setInt(2, ordinal++);
                predictor.setInt(3, p.version());
                predictor.setString(4, p.column());
                predictor.setString(5, p.task().label());
                predictor.setString(6, p.positive());
                long id;
                try (ResultSet rs = predictor.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                addSlice(slice, metric, id, "", "", p.overall());
                p.slices().forEach((segment, values) -> values.forEach((value, m) -> {
                    try {
                        addSlice(slice, metric, id, segment, value, m);
                    } catch (SQLException e) {
                        throw new UncheckedSqlException(e);
                    }
                }));
                ConfusionMatrix cm = p.overall().confusion();
                if (cm != null) {
                    long[][] counts = cm.counts();
                    for (int a = 0; a < counts.length; a++) {
                        for (int b = 0; b < counts.length; b++) {
                            if (counts[a][b] != 0) {
                                confusion.setLong(1, id);
                                confusion.setString(2, cm.labels().get(a));
                                confusion.setString(3, cm.labels().get(b));
                                confusion.setLong(4, counts[a][b]);
                                confusion.addBatch();
                            }
                        }
                    }
                }
            }
            slice.executeBatch();
            metric.executeBatch();
            confusion.executeBatch();
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_tests(dataset_id, champion, challenger, "
                + "test, statistic, p_value, row_count) VALUES (?,?,?,?,?,?,?)")) {
            for (PairedTest t : performance.comparisons()) {
                ps.setLong(1, datasetId);
                ps.setInt(2, t.champion());
                ps.setInt(3, t.challenger());
                ps.setString(4, t.test());
                ps.setDouble(5, t.statistic());
                ps.setDouble(6, t.pValue());
                ps.setLong(7, t.rows());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void addSlice(PreparedStatement slice, PreparedStatement metric, long id, String segment,
                                 String value, SliceMetrics m) throws SQLException {
        slice.setLong(1, id);
        slice.setString(2, segment);
        slice.setString(3, value);
        slice.setLong(4, m.rows());
        slice.setLong(5, m.labelled());
        if (m.positiveRate() == null || m.positiveRate().isNaN()) {
            slice.setNull(6, Types.DOUBLE);
        } else {
            slice.setDouble(6, m.positiveRate());
        }
        slice.addBatch();
        int ordinal = 0;
        for (Map.Entry<String, Double> e : m.metrics().entrySet()) {
            if (e.getValue().isNaN()) {
                continue;
            }
            metric.setLong(1, id);
            metric.setString(2, segment);
            metric.setString(3, value);
            metric.setInt(4, ordinal++);
            metric.setString(5, e.getKey());
            metric.setDouble(6, e.getValue());
            metric.addBatch();
        }
    }

    /** Deletes the performance of a dataset (before the dataset itself is replaced). */
    static void delete(Connection c, long datasetId) throws SQLException {
        String predictors = "(SELECT id FROM monitor_predictors WHERE dataset_id = ?)";
        for (String sql : new String[] {"DELETE FROM monitor_metrics WHERE predictor_id IN " + predictors,
            "DELETE FROM monitor_slices WHERE predictor_id IN " + predictors,
            "DELETE FROM monitor_confusion WHERE predictor_id IN " + predictors,
            "DELETE FROM monitor_predictors WHERE dataset_id = ?", "DELETE FROM monitor_tests WHERE dataset_id = ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, datasetId);
                ps.executeUpdate();
            }
        }
    }

    /** The performance of the datasets selected by {@code where} (on drift_datasets d), by dataset id. */
    static Map<Long, BatchPerformance> read(Connection c, String where, Object... args) throws SQLException {
        return read(c, true, where, args);
    }

    /** Like {@link #read(Connection, String, Object...)}; without slices when {@code slices} is false. */
    static Map<Long, BatchPerformance> read(Connection c, boolean slices, String where, Object... args)
            throws SQLException {
        record Pred(long id, long dataset, int version, String column, Task task, String positive) {
        }
        Map<Long, Pred> preds = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.dataset_id, p.version, p.column_name, p.task, "
                + "p.positive FROM monitor_predictors p JOIN drift_datasets d ON d.id = p.dataset_id WHERE " + where
                + " ORDER BY p.dataset_id, p.ordinal")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    preds.put(rs.getLong(1), new Pred(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            Task.parse(rs.getString(5)), rs.getString(6)));
                }
            }
        }
        if (preds.isEmpty()) {
            return Map.of();
        }
        String join = " JOIN monitor_predictors p ON p.id = x.predictor_id JOIN drift_datasets d ON d.id = p.dataset_id"
                + " WHERE " + where;
        String sliceFilter = slices ? "" : " AND x.segment = ''";
        Map<Long, Map<String, Map<String, Double>>> metrics = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT x.predictor_id, x.segment, x.slice_value, x.metric, "
                + "x.value FROM monitor_metrics x" + join + sliceFilter + " ORDER BY x.predictor_id, x.segment, x.slice_value, "
                + "x.ordinal")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    metrics.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2) + '\u0000' + rs.getString(3), k -> new LinkedHashMap<>())
                            .put(rs.getString(4), rs.getDouble(5));
                }
            }
        }
        Map<Long, Map<String, TreeMap<String, long[]>>> sliceRows = new HashMap<>();
        Map<Long, Map<String, Double>> rates = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT x.predictor_id, x.segment, x.slice_value, x.row_count, "
                + "x.labelled, x.positive_rate FROM monitor_slices x" + join + sliceFilter)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sliceRows.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                            .put(rs.getString(3), new long[] {rs.getLong(4), rs.getLong(5)});
                    double rate = rs.getDouble(6);
                    if (!rs.wasNull()) {
                        rates.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(rs.getString(2) + '\u0000' + rs.getString(3), rate);
                    }
                }
            }
        }
        Map<Long, Map<String, Map<String, Long>>> confusion = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT x.predictor_id, x.actual, x.predicted, x.count "
                + "FROM monitor_confusion x" + join)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    confusion.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(3), rs.getLong(4));
                }
            }
        }
        Map<Long, List<PairedTest>> tests = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.dataset_id, t.champion, t.challenger, t.test, "
                + "t.statistic, t.p_value, t.row_count FROM monitor_tests t JOIN drift_datasets d ON d.id = t.dataset_id "
                + "WHERE " + where + " ORDER BY t.dataset_id, t.challenger")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tests.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PairedTest(rs.getInt(2),
                            rs.getInt(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getLong(7)));
                }
            }
        }
        Map<Long, List<PredictorPerformance>> byDataset = new LinkedHashMap<>();
        for (Pred p : preds.values()) {
            Map<String, Map<String, Double>> m = metrics.getOrDefault(p.id(), Map.of());
            Map<String, Double> r = rates.getOrDefault(p.id(), Map.of());
            Map<String, TreeMap<String, long[]>> s = sliceRows.getOrDefault(p.id(), Map.of());
            long[] whole = s.getOrDefault("", new TreeMap<>()).getOrDefault("", new long[2]);
            ConfusionMatrix cm = p.task() == Task.CLASSIFICATION ? matrix(confusion.get(p.id())) : null;
            SliceMetrics overall = new SliceMetrics(whole[0], whole[1], m.getOrDefault("\u0000", Map.of()),
                    r.get("\u0000"), cm);
            Map<String, Map<String, SliceMetrics>> bySegment = new LinkedHashMap<>();
            s.forEach((segment, values) -> {
                if (segment.isEmpty()) {
                    return;
                }
                Map<String, SliceMetrics> out = new LinkedHashMap<>();
                values.forEach((value, counts) -> {
                    String key = segment + '\u0000' + value;
                    out.put(value, new SliceMetrics(counts[0], counts[1], m.getOrDefault(key, Map.of()), r.get(key),
                            null));
                });
                bySegment.put(segment, out);
            });
            byDataset.computeIfAbsent(p.dataset(), k -> new ArrayList<>()).add(new PredictorPerformance(p.version(),
                    p.column(), p.task(), p.positive(), overall, bySegment));
        }
        Map<Long, BatchPerformance> out = new LinkedHashMap<>();
        byDataset.forEach((id, list) -> out.put(id, new BatchPerformance(list, tests.getOrDefault(id, List.of()))));
        return out;
    }

    private static ConfusionMatrix matrix(Map<String, Map<String, Long>> counts) {
        if (counts == null) {
            return null;
        }
        TreeSet<String> labels = new TreeSet<>(counts.keySet());
        counts.values().forEach(row -> labels.addAll(row.keySet()));
        List<String> order = List.copyOf(labels);
        long[][] out = new long[order.size()][order.size()];
        counts.forEach((a, row) -> row.forEach((p, n) -> out[order.indexOf(a)][order.indexOf(p)] = n));
        return new ConfusionMatrix(order, out);
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Integer v) {
                ps.setInt(i + 1, v);
            } else if (args[i] instanceof Long v) {
                ps.setLong(i + 1, v);
            } else {
                ps.setString(i + 1, (String) args[i]);
            }
        }
    }
}
