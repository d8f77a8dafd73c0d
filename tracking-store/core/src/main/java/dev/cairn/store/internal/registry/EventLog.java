package dev.cairn.store.internal.registry;

import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;
import dev.cairn.store.registry.Stage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The append-only model history: inserts and reads events (the table refuses updates and deletes). */
final class EventLog {
    private static final String COLUMNS = "e.seq, m.name, e.version, e.action, e.slot_kind, e.slot, e.from_value, "
            + "e.to_value, e.replaced_version, e.forced, e.detail, e.user_name, e.time_ms, e.comment";

    private EventLog() {
    }

    /** An event to append; {@code alias} or {@code stage} names the slot it is about. */
    record Entry(Integer version, EventAction action, String alias, Stage stage, String from, String to,
                 Integer replacedVersion, boolean forced, String detail) {

        static Entry stageChange(EventAction action, int version, Stage from, Stage to, String detail,
                                 boolean forced) {
            return new Entry(version, action, null, to, from == null ? null : from.label(), to.label(), null,
                    forced, detail);
        }

        static Entry alias(EventAction action, int version, String alias, Integer from, Integer to) {
            return new Entry(version, action, alias, null, from == null ? null : from.toString(),
                    to == null ? null : to.toString(), null, false, null);
        }
    }

    static ModelEvent append(Connection c, long modelId, String model, Entry e, ChangeOptions options, long timeMs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_events(model_id, version, action, "
                + "slot_kind, slot, from_value, to_value, replaced_version, forced, detail, user_name, time_ms, "
                + "comment) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING seq")) {
            ps.setLong(1, modelId);
            setInt(ps, 2, e.version());
            ps.setString(3, e.action().label());
            ps.setString(4, e.alias() != null ? "alias" : e.stage() != null ? "stage" : null);
            ps.setString(5, e.alias() != null ? e.alias() : e.stage() != null ? e.stage().label() : null);
            ps.setString(6, e.from());
            ps.setString(7, e.to());
            setInt(ps, 8, e.replacedVersion());
            ps.setInt(9, e.forced() ? 1 : 0);
            ps.setString(10, e.detail());
            ps.setString(11, options.user());
            ps.setLong(12, timeMs);
            ps.setString(13, options.comment());
            long seq;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            return new ModelEvent(seq, model, e.version(), e.action(), e.alias(), e.alias() == null ? e.stage() : null,
                    e.from(), e.to(), e.replacedVersion(), e.forced(), e.detail(), options.user(), timeMs,
                    options.comment());
        }
    }

    /** Events of a model, oldest first; {@code version} non-null keeps those naming that version. */
    static List<ModelEvent> read(Connection c, long modelId, Integer version) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM model_events e JOIN registered_models m ON m.id = e.model_id "
                + "WHERE e.model_id = ?" + (version == null ? "" : " AND (e.version = ? OR e.replaced_version = ?)")
                + " ORDER BY e.seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, modelId);
            if (version != null) {
                ps.setInt(2, version);
                ps.setInt(3, version);
            }
            List<ModelEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private static ModelEvent map(ResultSet rs) throws SQLException {
        Integer version = rs.getInt(3);
        if (rs.wasNull()) {
            version = null;
        }
        String kind = rs.getString(5);
        String slot = rs.getString(6);
        Integer replaced = rs.getInt(9);
        if (rs.wasNull()) {
            replaced = null;
        }
        return new ModelEvent(rs.getLong(1), rs.getString(2), version, EventAction.fromLabel(rs.getString(4)),
                "alias".equals(kind) ? slot : null, "stage".equals(kind) ? Stage.parse(slot) : null,
                rs.getString(7), rs.getString(8), replaced, rs.getInt(10) != 0, rs.getString(11), rs.getString(12),
                rs.getLong(13), rs.getString(14));
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
