package dev.cairn.store.internal.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a RUNNING run's writer counts as gone. */
class AbandonedRunsTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void onThisHostTheWritersProcessDecides() {
        long self = ProcessHandle.current().pid();
        assertThat(AbandonedRuns.whyAbandoned(Map.of("cairn.writer.pid", "" + self, "cairn.writer.host", "h",
                "cairn.heartbeat", "0", "cairn.writer.flushMs", "1000"), "h", NOW)).as("alive, old heartbeat").isNull();
        long dead = deadPid();
        assertThat(AbandonedRuns.whyAbandoned(Map.of("cairn.writer.pid", "" + dead, "cairn.writer.host", "h",
                "cairn.heartbeat", "" + NOW, "cairn.writer.flushMs", "1000"), "h", NOW))
                .contains("pid " + dead).contains("ended without closing");
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheWriter() {
        long self = ProcessHandle.current().pid();
        assertThat(AbandonedRuns.whyAbandoned(Map.of("cairn.writer.pid", "" + self, "cairn.writer.host", "h",
                "cairn.writer.started", "1000"), "h", NOW)).contains("ended without closing");
    }

    @Test
    void fromAnotherHostOnlyAHeartbeatMuchOlderThanItsIntervalCounts() {
        Map<String, String> fresh = Map.of("cairn.writer.pid", "1", "cairn.writer.host", "other",
                "cairn.heartbeat", "" + (NOW - 5_000), "cairn.writer.flushMs", "2500");
        Map<String, String> stale = Map.of("cairn.writer.pid", "1", "cairn.writer.host", "other",
                "cairn.heartbeat", "" + (NOW - 31_000), "cairn.writer.flushMs", "2500");
        assertThat(AbandonedRuns.whyAbandoned(fresh, "here", NOW)).isNull();
        assertThat(AbandonedRuns.whyAbandoned(stale, "here", NOW)).contains("no heartbeat").contains("31 s");
        assertThat(AbandonedRuns.whyAbandoned(Map.of(), "here", NOW)).as("not a logging run").isNull();
    }

    private static long deadPid() {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            return p.pid();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
