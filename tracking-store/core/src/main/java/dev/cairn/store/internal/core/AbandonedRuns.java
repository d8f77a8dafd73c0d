package dev.cairn.store.internal.core;

import dev.cairn.store.internal.sql.Database;
import dev.cairn.store.model.Provenance;
import dev.cairn.store.model.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Marks RUNNING runs whose writer is gone as FAILED, with tag {@code cairn.endReason} saying why: on this host, the
 * writer's process (pid, and its start time against pid reuse) no longer exists; from another host, its heartbeat
 * is older than {@value #MISSED_HEARTBEATS} of its writer's heartbeat intervals. Runs without writer tags (written
 * by the CLI or an importer) are never touched. Run when a store is opened for writing.
 */
public final class AbandonedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedRuns.class);
    /** Heartbeats a writer on another host may miss before its runs count as abandoned. */
    static final int MISSED_HEARTBEATS = 12;
    private static final String PID = "cairn.writer.pid";
    private static final String HOST = "cairn.writer.host";
    private static final String STARTED = "cairn.writer.started";
    private static final String HEARTBEAT = "cairn.heartbeat";
    private static final String INTERVAL = "cairn.writer.flushMs";
    /** The tag that says why a run was ended by someone else than its writer. */
    public static final String END_REASON = "cairn.endReason";

    private AbandonedRuns() {
    }

    /** Fails abandoned runs; returns how many. Never throws: a problem is logged and the store opens anyway. */
    public static int sweep(Database db, SqlRuns runs) {
        try {
            Map<String, Map<String, String>> running = db.read(c -> {
                Map<String, Map<String, String>> out = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT r.id, t.key, t.value FROM runs r "
                        + "JOIN run_tags t ON t.run_seq = r.seq WHERE r.status = 'RUNNING' AND t.key IN (?,?,?,?,?)")) {
                    ps.setString(1, PID);
                    ps.setString(2, HOST);
                    ps.setString(3, STARTED);
                    ps.setString(4, HEARTBEAT);
                    ps.setString(5, INTERVAL);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                    rs.getString(3));
                        }
                    }
                }
                return out;
            });
            if (running.isEmpty()) {
                return 0;
            }
            String here = Provenance.here("cairn", null, null).host();
            long now = System.currentTimeMillis();
            int failed = 0;
            for (Map.Entry<String, Map<String, String>> e : running.entrySet()) {
                String why = whyAbandoned(e.getValue(), here, now);
                if (why != null) {
                    Long last = number(e.getValue().get(HEARTBEAT));
                    runs.setTag(e.getKey(), END_REASON, why);
                    runs.setStatus(e.getKey(), RunStatus.FAILED, last);
                    LOG.warn("run {} marked FAILED: {}", e.getKey(), why);
                    failed++;
                }
            }
            return failed;
        } catch (RuntimeException e) {
            LOG.warn("could not check for runs abandoned by their writer: {}", e.getMessage());
            return 0;
        }
    }

    /** Why a run with these writer tags is abandoned, or null when its writer may be alive. */
    static String whyAbandoned(Map<String, String> tags, String thisHost, long now) {
        Long pid = number(tags.get(PID));
        String host = tags.get(HOST);
        if (pid != null && host != null && host.equals(thisHost)) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            Long started = number(tags.get(STARTED));
            boolean alive = process.isPresent() && process.get().isAlive() && (started == null
                    || process.get().info().startInstant().map(Instant::toEpochMilli)
                    .map(t -> Math.abs(t - started) <= 2000).orElse(true));
            return alive ? null : "the writing process (pid " + pid + " on " + host + ") ended without closing the run";
        }
        Long heartbeat = number(tags.get(HEARTBEAT));
        Long interval = number(tags.get(INTERVAL));
        if (heartbeat != null && interval != null && now - heartbeat > MISSED_HEARTBEATS * interval) {
            return "no heartbeat from its writer (pid " + pid + " on " + host + ") for " + (now - heartbeat) / 1000
                    + " s";
        }
        return null;
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
