package dev.cairn.store.testing;

import dev.cairn.store.TrackingStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill timing, counts and problems of one set of kill -9 trials of an operation run in a {@link ChildJvm} that kills
 * itself ({@link ChildJvm#killSelfAfter}) and prints {@code took <ns>} when the operation returns first.
 * {@code -Dcairn.killTrials=N} sets the trials (the suite keeps its small default; 50+ as a bench),
 * {@code -Dcairn.killSeed} replays a set; the figures are printed by {@link #report}.
 */
public final class KillTrials {
    /** The trials of this set. */
    public final int count;
    private final String name;
    private final long seed = Long.getLong("cairn.killSeed", System.nanoTime());
    private final Random random = new Random(seed);
    private final long windowNs;
    private final List<String> problems = new ArrayList<>();
    private int integrityFailures;
    private int finishedBeforeKill;
    private long lost;

    /**
     * @param name          what is killed, for the report
     * @param defaultCount  the trials when {@code cairn.killTrials} is not set
     * @param operationNs   the operation's time in a child that is not killed ({@link #timed}); kills land within
     *                      1.5 times that
     */
    public KillTrials(String name, int defaultCount, long operationNs) {
        this.name = name;
        this.count = Integer.getInteger("cairn.killTrials", defaultCount);
        this.windowNs = operationNs * 3 / 2;
    }

    /** The operation's time, as the child measured it (run without a kill, {@code -1}). */
    public static long timed(Process p) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("took ");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return Long.parseLong(line.substring(5));
        }
    }

    /**
     * Log-uniform from 0 to the window: as many kills in the first microseconds of the operation as in its last
     * milliseconds (commit, checkpoint).
     */
    public long nextKillNs() {
        return nextKillNs(windowNs);
    }

    /** Log-uniform from 0 to {@code maxNs}: a kill soon after a point the operation reports, or a little later. */
    public long nextKillNs(long maxNs) {
        return (long) Math.pow(maxNs + 1, random.nextDouble()) - 1;
    }

    /** A number from 0 (inclusive) to {@code bound} (exclusive), from this set's seed. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * Waits for the child to kill itself; true when the operation had returned before the kill (the child printed
     * {@code took}).
     */
    public boolean run(Process p) throws Exception {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(137);
        return out.contains("took ");
    }

    /** Counts a trial whose operation had finished before the kill. */
    public void finishedBeforeKill() {
        finishedBeforeKill++;
    }

    /** Checks {@code PRAGMA integrity_check} of the store after trial {@code trial}. */
    public void integrity(int trial, TrackingStore s) {
        String result = s.integrityCheck();
        if (!"ok".equals(result)) {
            integrityFailures++;
            problems.add("trial " + trial + ": integrity " + result);
        }
    }

    /** Records a problem when {@code got} is not {@code expected}. */
    public void check(int trial, String what, String got, String expected) {
        if (!expected.equals(got)) {
            problems.add("trial " + trial + ": " + what + " " + got);
        }
    }

    /** Records a problem of trial {@code trial}. */
    public void problem(int trial, String what) {
        problems.add("trial " + trial + ": " + what);
    }

    /** Counts rows or points that should be there and are not. */
    public void lost(long n) {
        lost += Math.max(0, n);
    }

    /** Prints the figures; fails on any problem or loss. */
    public void report() {
        System.out.printf("kill -9 during %s: %d trials (seed %d, kill within %d us of the start), %d killed "
                + "mid-operation, %d finished before the kill, %d integrity failures, %d rows or points lost%n", name,
                count, seed, windowNs / 1000, count - finishedBeforeKill, finishedBeforeKill, integrityFailures,
                lost);
        assertThat(problems).isEmpty();
        assertThat(lost).isZero();
    }
}
