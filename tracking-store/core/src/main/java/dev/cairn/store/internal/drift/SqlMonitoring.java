package dev.cairn.store.internal.drift;

import dev.cairn.store.Monitoring;
import dev.cairn.store.drift.DatasetKind;
import dev.cairn.store.internal.registry.AlertEvents;
import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.monitoring.Alert;
import dev.cairn.store.monitoring.AlertRule;
import dev.cairn.store.monitoring.BatchPerformance;
import dev.cairn.store.monitoring.MonitoredBatch;
import dev.cairn.store.monitoring.RuleKind;
import dev.cairn.store.registry.ModelEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL implementation of {@link Monitoring}. */
public final class SqlMonitoring implements Monitoring {
    private static final String ALERT_COLUMNS = "a.event_seq, m.name, a.rule_id, a.version, a.batch_ms, a.value, "
            + "e.detail, e.time_ms, a.delivered_ms";

    private final Database db;
    private final Clock clock;

    public SqlMonitoring(Database db) {
        this(db, Clock.systemUTC());
    }

    SqlMonitoring(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<BatchPerformance> performance(long datasetId) {
        return db.read(c -> Optional.ofNullable(MonitorTables.read(c, "d.id = ?", datasetId).get(datasetId)));
    }

    @Override
    public List<MonitoredBatch> batches(String model, int version) {
        return batches(model, version, true);
    }

    @Override
    public List<MonitoredBatch> overview(String model, int version) {
        return batches(model, version, false);
    }

    private List<MonitoredBatch> batches(String model, int version, boolean slices) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            Map<Long, BatchPerformance> perf = MonitorTables.read(c, slices, "d.model_id = ? AND d.version = ? AND d.kind = ?",
                    modelId, version, DatasetKind.BATCH.label());
            List<MonitoredBatch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, time_ms, row_count FROM drift_datasets "
                    + "WHERE model_id = ? AND version = ? AND kind = ? ORDER BY time_ms, id")) {
                ps.setLong(1, modelId);
                ps.setInt(2, version);
                ps.setString(3, DatasetKind.BATCH.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        out.add(new MonitoredBatch(id, Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3),
                                Optional.ofNullable(perf.get(id))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<MonitoredBatch> batches(String model, int version, Instant upTo, int count) {
        if (count < 1) {
            return List.of();
        }
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            DriftTables.requireVersion(c, model, modelId, version);
            List<MonitoredBatch> newestFirst = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, time_ms, row_count FROM drift_datasets "
                    + "WHERE model_id = ? AND version = ? AND kind = ? AND time_ms <= ? ORDER BY time_ms DESC, id DESC "
                    + "LIMIT " + count)) {
                ps.setLong(1, modelId);
                ps.setInt(2, version);
                ps.setString(3, DatasetKind.BATCH.label());
                ps.setLong(4, upTo == null ? Long.MAX_VALUE : upTo.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        newestFirst.add(new MonitoredBatch(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getLong(3), Optional.empty()));
                    }
                }
            }
            if (newestFirst.isEmpty()) {
                return List.<MonitoredBatch>of();
            }
            long oldest = newestFirst.get(newestFirst.size() - 1).time().toEpochMilli();
            long newest = newestFirst.get(0).time().toEpochMilli();
            Map<Long, BatchPerformance> perf = MonitorTables.read(c, "d.model_id = ? AND d.version = ? AND d.kind = ? "
                    + "AND d.time_ms >= ? AND d.time_ms <= ?", modelId, version, DatasetKind.BATCH.label(), oldest, newest);
            List<MonitoredBatch> out = new ArrayList<>();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                MonitoredBatch b = newestFirst.get(i);
                out.add(new MonitoredBatch(b.datasetId(), b.time(), b.rows(), Optional.ofNullable(perf.get(b.datasetId()))));
            }
            return out;
        });
    }

    @Override
    public AlertRule addRule(AlertRule rule) {
        return db.write(tx -> {
            Connection c = tx.connection();
            long modelId = DriftTables.modelId(c, rule.model());
            if (rule.version() != null) {
                DriftTables.requireVersion(c, rule.model(), modelId, rule.version());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_rules(model_id, version, kind, metric, "
                    + "segment, direction, threshold, for_batches, created_ms) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")) {
                ps.setLong(1, modelId);
                if (rule.version() == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setInt(2, rule.version());
                }
                ps.setString(3, rule.kind().label());
                ps.setString(4, rule.metric());
                ps.setString(5, rule.segment());
                ps.setString(6, rule.below() ? "below" : "above");
                ps.setDouble(7, rule.threshold());
                ps.setInt(8, rule.forBatches());
                ps.setLong(9, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new AlertRule(rs.getLong(1), rule.model(), rule.version(), rule.kind(), rule.metric(),
                            rule.segment(), rule.below(), rule.threshold(), rule.forBatches());
                }
            }
        });
    }

    @Override
    public List<AlertRule> rules(String model) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            List<AlertRule> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, kind, metric, segment, direction, "
                    + "threshold, for_batches FROM monitor_rules WHERE model_id = ? ORDER BY id")) {
                ps.setLong(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer version = rs.getInt(2);
                        if (rs.wasNull()) {
                            version = null;
                        }
                        out.add(new AlertRule(rs.getLong(1), model, version, RuleKind.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), "below".equals(rs.getString(6)), rs.getDouble(7),
                                rs.getInt(8)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean removeRule(String model, long id) {
        return db.write(tx -> {
            long modelId = DriftTables.modelId(tx.connection(), model);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM monitor_rules WHERE model_id = ? AND id = ?")) {
                ps.setLong(1, modelId);
                ps.setLong(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Alert> raise(AlertRule rule, int version, Instant batchTime, double value, String message) {
        long now = clock.millis();
        return db.write(tx -> {
            Connection c = tx.connection();
            long modelId = DriftTables.modelId(c, rule.model());
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM monitor_alerts WHERE rule_id = ? "
                    + "AND version = ? AND batch_ms = ?")) {
                ps.setLong(1, rule.id());
                ps.setInt(2, version);
                ps.setLong(3, batchTime.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.<Alert>empty();
                    }
                }
            }
            ModelEvent e = AlertEvents.append(c, modelId, rule.model(), version, message, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_alerts(event_seq, model_id, rule_id, "
                    + "version, batch_ms, value) VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, e.id());
                ps.setLong(2, modelId);
                ps.setLong(3, rule.id());
                ps.setInt(4, version);
                ps.setLong(5, batchTime.toEpochMilli());
                ps.setDouble(6, value);
                ps.executeUpdate();
            }
            return Optional.of(new Alert(e.id(), rule.model(), rule.id(), version, batchTime, value, message,
                    Instant.ofEpochMilli(now), false));
        });
    }

    @Override
    public List<Alert> alerts(String model) {
        return db.read(c -> {
            long modelId = DriftTables.modelId(c, model);
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM monitor_alerts a "
                    + "JOIN model_events e ON e.seq = a.event_seq JOIN registered_models m ON m.id = a.model_id "
                    + "WHERE a.model_id = ? ORDER BY a.event_seq")) {
                ps.setLong(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(9);
                        boolean delivered = !rs.wasNull();
                        out.add(new Alert(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                                Instant.ofEpochMilli(rs.getLong(5)), rs.getDouble(6), rs.getString(7),
                                Instant.ofEpochMilli(rs.getLong(8)), delivered));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void markDelivered(String model, long id) {
        long now = clock.millis();
        db.writeVoid(tx -> {
            long modelId = DriftTables.modelId(tx.connection(), model);
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE monitor_alerts SET delivered_ms = ? "
                    + "WHERE model_id = ? AND event_seq = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, modelId);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
        });
    }

}
