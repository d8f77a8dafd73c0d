package dev.cairn.store.series;

import dev.cairn.store.TrackingStore;
import dev.cairn.store.model.NewRun;
import dev.cairn.store.testing.Backend;
import dev.cairn.store.testing.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downsampling with the chunk summaries of schema v7 on both backends: the envelope (count, min, max, last per
 * bucket) equals a brute-force bucketing of every point, for random series (out-of-order and repeated steps, NaN,
 * appends that rewrite the open chunk), on both axes, at coarse and fine bucket widths; and chunks without a
 * summary (written before v7) read the same.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class SeriesSummaryTest extends StoreContract {
    @Test
    void summarisedDownsampleEqualsBruteForceForRandomSeries() {
        try (TrackingStore store = stores.open("s.db")) {
            for (int seed = 1; seed <= 4; seed++) {
                Points p = Points.random(new Random(seed), 3_000 + seed * 1_111, seed % 2 == 0);
                String run = store.runs().create(NewRun.in("e")).id();
                p.appendInRandomBatches(store, run, new Random(seed * 31L));
                assertEnvelopes(store, run, p, new Random(seed * 17L));
            }
        }
    }

    @Test
    void appendsThatRewriteTheOpenChunkKeepItsSummaryRight() {
        try (TrackingStore store = stores.open("s.db")) {
            Points p = Points.random(new Random(9), 1_000, false);
            String run = store.runs().create(NewRun.in("e")).id();
            Random random = new Random(5);
            for (int from = 0; from < p.size(); ) {
                int len = Math.min(1 + random.nextInt(7), p.size() - from);
                p.append(store, run, from, len);
                from += len;
                // after every small append the open chunk and its summary were rewritten: check a fine and a coarse read
                Points prefix = p.prefix(from);
                for (int buckets : new int[] {3, 97}) {
                    assertEnvelope(store.metrics().downsample(run, "m", SeriesRange.all(), buckets), prefix,
                            SeriesRange.all());
                }
            }
        }
    }

    @Test
    void chunksWithoutASummaryStillRead() throws Exception {
        try (TrackingStore store = stores.open("s.db")) {
            Points p = Points.random(new Random(11), 5_000, true);
            String run = store.runs().create(NewRun.in("e")).id();
            p.appendInRandomBatches(store, run, new Random(12));
            String open = "(SELECT max(chunk_no) FROM metric_chunks)";
            try (Connection c = stores.connect("s.db"); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE metric_chunks SET summary = NULL WHERE chunk_no % 2 = 0 "
                        + "OR chunk_no = " + open)).isGreaterThan(5);
            }
            assertEnvelopes(store, run, p, new Random(13));
            long openChunk = scalar("SELECT max(chunk_no) FROM metric_chunks");
            // an append tops up the (summary-less) open chunk, and writes its summary with it
            Points more = p.extendedBy(300, new Random(14));
            more.append(store, run, p.size(), 300);
            assertEnvelopes(store, run, more, new Random(15));
            assertThat(scalar("SELECT count(*) FROM metric_chunks WHERE summary IS NULL AND chunk_no = " + openChunk))
                    .as("the rewritten open chunk has a summary").isZero();
        }
    }

    @Test
    void aStoreFromBeforeV7GetsItsChunksSummarisedWhenMigrated() throws Exception {
        Points p = Points.random(new Random(17), 4_000, true);
        String run;
        try (TrackingStore store = stores.open("s.db")) {
            run = store.runs().create(NewRun.in("e")).id();
            p.appendInRandomBatches(store, run, new Random(18));
        }
        // make it the store an older Cairn wrote: schema v6, no summary column
        try (Connection c = stores.connect("s.db"); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE metric_chunks DROP COLUMN summary");
            st.execute(backend == Backend.SQLITE ? "PRAGMA user_version = 6"
                    : "UPDATE store_meta SET value = '6' WHERE key = 'schema_version'");
        }
        try (TrackingStore store = stores.open("s.db")) {
            assertThat(store.migratedFromVersion()).isEqualTo(6);
            assertThat(scalar("SELECT count(*) FROM metric_chunks WHERE summary IS NULL")).isZero();
            assertThat(scalar("SELECT count(*) FROM metric_chunks")).as("chunks of 256, the last one open")
                    .isEqualTo(16);
            assertEnvelopes(store, run, p, new Random(19));
        }
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = stores.connect("s.db"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static void assertEnvelopes(TrackingStore store, String run, Points p, Random random) {
        long lo = Arrays.stream(p.steps).min().orElseThrow();
        long hi = Arrays.stream(p.steps).max().orElseThrow();
        long tlo = Arrays.stream(p.ts).min().orElseThrow();
        long thi = Arrays.stream(p.ts).max().orElseThrow();
        for (int round = 0; round < 12; round++) {
            SeriesRange range = switch (round % 4) {
                case 0 -> SeriesRange.all();
                case 1 -> {
                    long a = lo + (long) (random.nextDouble() * (hi - lo));
                    yield SeriesRange.steps(a, a + 1 + random.nextInt((int) Math.max(2, hi - a)));
                }
                case 2 -> {
                    long a = tlo + (long) (random.nextDouble() * (thi - tlo));
                    yield SeriesRange.time(a, a + 1 + random.nextInt((int) Math.max(2, thi - a)));
                }
                default -> new SeriesRange(SeriesAxis.TIME, Long.MIN_VALUE, Long.MAX_VALUE);
            };
            int buckets = 1 + random.nextInt(round < 6 ? 40 : 700);
            assertEnvelope(store.metrics().downsample(run, "m", range, buckets), p, range);
        }
    }

    /** Compares a downsample with a brute-force bucketing of every point. */
    private static void assertEnvelope(BucketedSeries b, Points p, SeriesRange range) {
        boolean byStep = range.axis() == SeriesAxis.STEP;
        long[] xs = byStep ? p.steps : p.ts;
        long from = range.isAll() || range.from() == Long.MIN_VALUE ? Arrays.stream(xs).min().orElseThrow()
                : range.from();
        long to = range.isAll() || range.to() == Long.MAX_VALUE ? Arrays.stream(xs).max().orElseThrow()
                : range.to();
        long span = to - from + 1;
        int buckets = b.buckets();
        double[] min = new double[buckets];
        double[] max = new double[buckets];
        double[] last = new double[buckets];
        long[] lastStep = new long[buckets];
        long[] lastTs = new long[buckets];
        long[] count = new long[buckets];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (int i = 0; i < p.size(); i++) {
            long x = xs[i];
            if (x < from || x > to) {
                continue;
            }
            int k = (int) (((x - from) * buckets) / span);
            if (count[k] == 0 || dev.cairn.store.internal.series.PointOrder.isAfter(p.steps[i], p.ts[i], p.values[i],
                    lastStep[k], lastTs[k], last[k])) {
                last[k] = p.values[i];
                lastStep[k] = p.steps[i];
                lastTs[k] = p.ts[i];
            }
            count[k]++;
            if (!Double.isNaN(p.values[i])) {
                min[k] = Double.isNaN(min[k]) ? p.values[i] : Math.min(min[k], p.values[i]);
                max[k] = Double.isNaN(max[k]) ? p.values[i] : Math.max(max[k], p.values[i]);
            }
        }
        int seen = 0;
        for (int k = 0; k < buckets; k++) {
            if (count[k] == 0) {
                continue;
            }
            String at = range + " / " + buckets + " buckets, bucket " + k;
            assertThat(b.bucketIndex()[seen]).as(at).isEqualTo(k);
            assertThat(b.count()[seen]).as(at).isEqualTo(count[k]);
            assertThat(Double.valueOf(b.min()[seen])).as(at).isEqualTo(Double.valueOf(min[k]));
            assertThat(Double.valueOf(b.max()[seen])).as(at).isEqualTo(Double.valueOf(max[k]));
            assertThat(Double.valueOf(b.last()[seen])).as(at).isEqualTo(Double.valueOf(last[k]));
            assertThat(b.lastStep()[seen]).as(at).isEqualTo(lastStep[k]);
            assertThat(b.lastTimestamp()[seen]).as(at).isEqualTo(lastTs[k]);
            seen++;
        }
        assertThat(b.size()).as(range + " / " + buckets + " buckets").isEqualTo(seen);
    }

    /** A series as logged: steps mostly rising with jumps back and repeats, times jittered, some NaN. */
    private record Points(long[] steps, long[] ts, double[] values) {
        static Points random(Random random, int n, boolean shuffled) {
            long[] s = new long[n];
            long[] t = new long[n];
            double[] v = new double[n];
            long step = random.nextInt(100) - 50;
            for (int i = 0; i < n; i++) {
                int jump = random.nextInt(100);
                step += jump < 3 ? -random.nextInt(40) : jump < 8 ? 0 : 1 + random.nextInt(shuffled ? 9 : 3);
                s[i] = step;
                t[i] = 1_000_000L + i * 13L + random.nextInt(30) - (shuffled && jump < 5 ? 500 : 0);
                v[i] = random.nextInt(50) == 0 ? Double.NaN : random.nextGaussian() * 10;
            }
            return new Points(s, t, v);
        }

        int size() {
            return steps.length;
        }

        Points prefix(int n) {
            return new Points(Arrays.copyOf(steps, n), Arrays.copyOf(ts, n), Arrays.copyOf(values, n));
        }

        Points extendedBy(int n, Random random) {
            Points more = random(random, n, false);
            long[] s = Arrays.copyOf(steps, size() + n);
            long[] t = Arrays.copyOf(ts, size() + n);
            double[] v = Arrays.copyOf(values, size() + n);
            System.arraycopy(more.steps, 0, s, size(), n);
            System.arraycopy(more.ts, 0, t, size(), n);
            System.arraycopy(more.values, 0, v, size(), n);
            return new Points(s, t, v);
        }

        void append(TrackingStore store, String run, int from, int len) {
            store.metrics().append(run, "m", Arrays.copyOfRange(steps, from, from + len),
                    Arrays.copyOfRange(ts, from, from + len), Arrays.copyOfRange(values, from, from + len));
        }

        void appendInRandomBatches(TrackingStore store, String run, Random random) {
            for (int from = 0; from < size(); ) {
                int len = Math.min(1 + random.nextInt(random.nextBoolean() ? 40 : 900), size() - from);
                append(store, run, from, len);
                from += len;
            }
        }
    }
}
