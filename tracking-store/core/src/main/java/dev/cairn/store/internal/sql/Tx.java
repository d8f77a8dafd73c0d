package dev.cairn.store.internal.sql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One open write transaction: its connection and the runs it touched (for change tracking). */
public final class Tx {
    private final Connection connection;
    private final Set<Long> touchedRuns = new TreeSet<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<String, Long> pendingKeys = new HashMap<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Marks a run as changed by this transaction, so live viewers re-read it. */
    public void touchRun(long runSeq) {
        touchedRuns.add(runSeq);
    }

    /** Runs {@code action} once this transaction has committed (never when it rolls back). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    Map<String, Long> pendingKeys() {
        return pendingKeys;
    }

    Set<Long> touchedRuns() {
        return touchedRuns;
    }
}
