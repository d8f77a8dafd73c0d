package dev.cairn.store.internal.registry;

import dev.cairn.store.registry.ChangeOptions;
import dev.cairn.store.registry.EventAction;
import dev.cairn.store.registry.ModelEvent;

import java.sql.Connection;
import java.sql.SQLException;

/** Appends monitoring alerts to the model history, for the monitoring tables. */
public final class AlertEvents {
    private AlertEvents() {
    }

    /** Appends an "alert" event about {@code version} with {@code detail} as its text. */
    public static ModelEvent append(Connection c, long modelId, String model, int version, String detail, long timeMs)
            throws SQLException {
        return EventLog.append(c, modelId, model, new EventLog.Entry(version, EventAction.ALERT, null, null, null, null,
                null, false, detail), ChangeOptions.by("cairn monitor"), timeMs);
    }
}
